import type { IamUser } from '../inventory/iam-schema.js';
import { memoisedPerUser } from './memoised-per-user.js';
import { servicesUsed } from './services-used.js';

export interface UserClassification {
  kind: 'human' | 'workload';
  /** Why: each piece of evidence that decided it, readable in a report. */
  evidence: string[];
}

/** Names automation is usually given; checked before the person-name pattern ("deploy-bot" is not a person). */
export const WORKLOAD_NAME =
  /(^|[-_.])(ci|cd|svc|service|bot|deploy|deployer|jenkins|github|gitlab|circleci|bitbucket|buildkite|terraform|automation|app|api|backup|sync|etl|robot|pipeline|lambda|ec2|ecs|batch|cron|job|worker|agent|integration|exporter|uploader|onprem|nas)([-_.\d]|$)/i;

/** first.last, first_last or an e-mail address: how organisations name IAM users for people. */
const PERSON_NAME = /^[a-z]+[._][a-z]+(\d*)$|^[^@\s]+@[^@\s]+\.[a-z]+$/i;

/** Tags people put on IAM users that belong to a person. */
const PERSON_TAGS = ['email', 'Email', 'owner-email', 'employee-id', 'EmployeeId'];

/**
 * Several rules, the migration advice, the planner and the inventory counts ask this of the same user: it is
 * computed once per user object (the answer is shared; callers never change it).
 *
 * A console password makes a user a person (console access wins: a person may also own keys). Without one,
 * MFA, a person-like name or a person tag make it a person unless the name looks like automation.
 */
export function classifyUser(user: IamUser): UserClassification {
  return memoisedPerUser(CLASSIFIED, user, classifyUserAnew);
}
const CLASSIFIED = new WeakMap<IamUser, UserClassification>();

function classifyUserAnew(user: IamUser): UserClassification {
  const evidence: string[] = [];
  if (user.passwordEnabled) evidence.push('has a console password');
  if (user.mfaDevices.length > 0) evidence.push('has an MFA device');
  const nameLooksLikeWorkload = WORKLOAD_NAME.test(user.userName);
  const nameLooksLikePerson = !nameLooksLikeWorkload && PERSON_NAME.test(user.userName);
  if (nameLooksLikeWorkload) evidence.push(`name "${user.userName}" looks like automation`);
  if (nameLooksLikePerson) evidence.push(`name "${user.userName}" looks like a person`);
  const personTag = PERSON_TAGS.find((tag) => user.tags[tag] !== undefined);
  if (personTag) evidence.push(`tagged ${personTag}`);
  const services = servicesUsed(user).map((use) => use.service);
  if (services.length > 0) evidence.push(`access keys used for ${services.join(', ')}`);
  const human =
    user.passwordEnabled ||
    (!nameLooksLikeWorkload &&
      (user.mfaDevices.length > 0 || nameLooksLikePerson || personTag !== undefined));
  return { kind: human ? 'human' : 'workload', evidence };
}
