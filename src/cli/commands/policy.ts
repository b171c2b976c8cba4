import type { Command } from 'commander';
import type { CliIo } from './scan.js';

// Owned by the live-collection work (issue 5): `keysweep policy` prints the scan role's policy.
export function registerPolicy(_program: Command, _io: CliIo): void {}
