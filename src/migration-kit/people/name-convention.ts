import type { IdentityStore } from '../../inventory/identity-center-schema.js';
import type { Confidence } from './resolve-people.js';

type StoreUser = IdentityStore['users'][number];

const FIRST_LAST = /^([a-z]+)[._-]([a-z]+)\d*$/i;
const FIRST_INITIAL_LAST = /^([a-z])([a-z]{2,})\d*$/i;

export function normalise(text: string): string {
  return text.trim().toLowerCase();
}

/** "grace.hopper" → "Grace Hopper": only a display-name suggestion, never a match on its own. */
export function nameFromConvention(userName: string): string | null {
  const parts = FIRST_LAST.exec(userName);
  if (!parts) return null;
  return [parts[1]!, parts[2]!].map((w) => w[0]!.toUpperCase() + w.slice(1).toLowerCase()).join(' ');
}

/**
 * first.last (or first_last) against the display name or e-mail local part: medium confidence; flast
 * against first initial + last name: low. Only a single candidate counts; two is a guess.
 */
export function matchByNameConvention(
  userName: string,
  users: readonly StoreUser[],
): { storeUser: StoreUser; confidence: Confidence; evidence: string } | null {
  const full = FIRST_LAST.exec(userName);
  if (full) {
    const first = normalise(full[1]!);
    const last = normalise(full[2]!);
    const candidates = users.filter((u) => {
      const words = normalise(u.displayName ?? '').split(/\s+/);
      const byName = words[0] === first && words[words.length - 1] === last;
      const byEmail = u.emails.some((e) => normalise(e.split('@')[0] ?? '') === `${first}.${last}`);
      return byName || byEmail;
    });
    if (candidates.length === 1)
      return {
        storeUser: candidates[0]!,
        confidence: 'medium',
        evidence: `name ${userName} follows first.last for ${candidates[0]!.displayName ?? candidates[0]!.userName}`,
      };
    return null;
  }
  const short = FIRST_INITIAL_LAST.exec(userName);
  if (!short) return null;
  const initial = normalise(short[1]!);
  const last = normalise(short[2]!);
  const candidates = users.filter((u) => {
    const words = normalise(u.displayName ?? '').split(/\s+/);
    return words.length >= 2 && words[0]!.startsWith(initial) && words[words.length - 1] === last;
  });
  if (candidates.length !== 1) return null;
  return {
    storeUser: candidates[0]!,
    confidence: 'low',
    evidence: `name ${userName} follows flast for ${candidates[0]!.displayName}`,
  };
}
