import type { IamUser } from '../inventory/iam-schema.js';

/** The tag that marks an emergency user kept on purpose (the same tag the rules honour). */
export const BREAK_GLASS_TAG = 'keysweep:break-glass';

export function isBreakGlass(user: IamUser): boolean {
  return user.tags[BREAK_GLASS_TAG]?.trim().toLowerCase() === 'true';
}
