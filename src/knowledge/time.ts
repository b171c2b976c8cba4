import { parseIsoCached } from './parsed-dates.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Whole days from an ISO date to now (never negative). */
export function daysSince(iso: string, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - parseIsoCached(iso)) / DAY_MS));
}
