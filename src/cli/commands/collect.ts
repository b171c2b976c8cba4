import type { Command } from 'commander';
import type { CliIo } from './scan.js';

// Owned by the live-collection work (issue 5): `keysweep collect --out snapshot.json`.
export function registerCollect(_program: Command, _io: CliIo): void {}
