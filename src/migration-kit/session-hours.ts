import { InputError } from '../io/input-error.js';

/** Identity Center accepts permission set sessions from PT1H to PT12H. */
export const MIN_SESSION_HOURS = 1;
export const MAX_SESSION_HOURS = 12;

/**
 * The session length the kit writes comes from rule sso-session-duration-too-long's maxSessionHours. A
 * value the rule accepts (any positive number up to 12) may still be one Identity Center refuses: 0.5
 * would be written PT30M, 0.0001 "PT". Refused where it is set, before anything is loaded or written.
 */
export function checkSessionHours(where: string, hours: number): number {
  if (!(hours >= MIN_SESSION_HOURS && hours <= MAX_SESSION_HOURS))
    throw new InputError(
      `${where}: maxSessionHours ${hours} cannot be a permission set session: Identity Center takes PT1H to PT12H (1 to 12 hours)`,
    );
  if (Math.abs(hours * 60 - Math.round(hours * 60)) > 1e-9)
    throw new InputError(`${where}: maxSessionHours ${hours} is not a whole number of minutes`);
  return hours;
}
