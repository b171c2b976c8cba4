/**
 * `Date.parse` with a small memo. Several rules ask for the age of the same date of the same user (an
 * access key's creation date, its last use, the password's): the same string is parsed once per account
 * instead of once per rule. Bounded (cleared when full), so memory stays flat however many dates there are.
 */
export function parseIsoCached(iso: string): number {
  let ms = PARSED.get(iso);
  if (ms === undefined) {
    if (PARSED.size >= MAX_ENTRIES) PARSED.clear();
    ms = Date.parse(iso);
    PARSED.set(iso, ms);
  }
  return ms;
}

const MAX_ENTRIES = 4096;
const PARSED = new Map<string, number>();
