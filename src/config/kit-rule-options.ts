import type { KitRuleOptions } from '../migration-kit/kit-options.js';
import sessionDurationRule from '../rules/catalog/sso-session-duration-too-long.js';

/**
 * The options the migration kit follows, read from the config's rule options (already checked against
 * each rule's schema by the config loader) with the rule's defaults: rule sso-session-duration-too-long's
 * maximum session and its administrator policies, so what the kit proposes is not a finding in the next scan.
 */
export function kitRuleOptionsOf(ruleOptions: Readonly<Record<string, unknown>>): KitRuleOptions {
  const options = sessionDurationRule.options.parse(ruleOptions[sessionDurationRule.id] ?? {});
  return { maxSessionHours: options.maxSessionHours, adminPolicyArns: options.adminPolicyArns };
}
