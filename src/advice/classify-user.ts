import type { IamUser } from '../inventory/iam-schema.js';

export interface UserClassification {
  kind: 'human' | 'workload';
  /** Why: each piece of evidence that decided it, readable in a report. */
  evidence: string[];
}

const WORKLOAD_NAME =
  /(^|[-_.])(ci|cd|svc|service|bot|deploy|deployer|jenkins|github|gitlab|terraform|automation|app|backup|sync|etl|robot)([-_.]|$)/i;

/**
 * A user with a console password is treated as a person; a user without one whose name or key use
 * looks like automation is a workload. Console access wins: a person may also own keys.
 */
export function classifyUser(user: IamUser): UserClassification {
  const evidence: string[] = [];
  if (user.passwordEnabled) evidence.push('has a console password');
  if (user.mfaDevices.length > 0) evidence.push('has an MFA device');
  const nameLooksLikeWorkload = WORKLOAD_NAME.test(user.userName);
  if (nameLooksLikeWorkload) evidence.push(`name "${user.userName}" looks like automation`);
  const services = [
    ...new Set(user.accessKeys.map((key) => key.lastUsedService).filter((s): s is string => !!s)),
  ];
  if (services.length > 0) evidence.push(`access keys used for ${services.join(', ')}`);
  const human = user.passwordEnabled || (user.mfaDevices.length > 0 && !nameLooksLikeWorkload);
  return { kind: human ? 'human' : 'workload', evidence };
}
