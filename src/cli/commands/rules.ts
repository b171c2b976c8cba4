import type { Command } from 'commander';
import type { CliIo } from './scan.js';

// Owned by the rule-catalogue work (issue 2): `keysweep rules [--format json]`.
export function registerRules(_program: Command, _io: CliIo): void {}
