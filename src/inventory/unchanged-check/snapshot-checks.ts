import { accountSchema } from '../snapshot-schema.js';
import { lazyUnchangedCheck } from './compile-unchanged-check.js';

/** Whether zod would return a parsed account unchanged (see compileUnchangedCheck): most are. */
export const accountUnchanged = lazyUnchangedCheck(accountSchema);
