import type { MigrationAdvice } from '../findings/finding.js';
import type { IamUser } from '../inventory/iam-schema.js';
import { servicesUsed } from './services-used.js';

export type WorkloadReplacement = NonNullable<MigrationAdvice['replacement']>;

export interface WorkloadReplacementChoice {
  replacement: WorkloadReplacement;
  evidence: string[];
}

const CI_NAME =
  /(github|gitlab|jenkins|circleci|circle-ci|bitbucket|buildkite|travis|teamcity|azure-?devops|(^|[-_.])(ci|cd|pipeline)([-_.\d]|$))/i;
/** Services a deployment pipeline calls with its key: pushing images, deploying stacks, publishing packages. */
const CI_SERVICES = new Set([
  'ecr',
  'cloudformation',
  'codeartifact',
  'codebuild',
  'codedeploy',
  'codepipeline',
]);
const ON_PREM_NAME =
  /(on-?prem|datacenter|data-center|(^|[-_.])dc\d*([-_.]|$)|nas|veeam|vmware|vsphere|ldap|colo|branch-office)/i;
const ON_PREM_TAG_VALUE = /^(on-?prem(ises)?|datacenter|colo)$/i;

/**
 * Which credential should replace a workload's access key, from the evidence in the inventory:
 * CI systems federate with OIDC, on-premises hosts use IAM Roles Anywhere, and anything else running
 * in AWS gets an IAM role on its compute (instance profile, task role, execution role).
 */
export function chooseWorkloadReplacement(user: IamUser): WorkloadReplacementChoice {
  const services = servicesUsed(user).map((use) => use.service);
  if (CI_NAME.test(user.userName)) {
    return { replacement: 'oidc-federation', evidence: [`name "${user.userName}" names a CI system`] };
  }
  const onPremTag = Object.entries(user.tags).find(([, value]) => ON_PREM_TAG_VALUE.test(value));
  if (ON_PREM_NAME.test(user.userName) || onPremTag) {
    const evidence = onPremTag
      ? `tag ${onPremTag[0]}=${onPremTag[1]}`
      : `name "${user.userName}" points to on-premises`;
    return { replacement: 'roles-anywhere', evidence: [evidence] };
  }
  const ciServices = services.filter((service) => CI_SERVICES.has(service));
  if (ciServices.length > 0) {
    return {
      replacement: 'oidc-federation',
      evidence: [`access key used for ${ciServices.join(', ')}, which deployment pipelines call`],
    };
  }
  const evidence = services.length > 0 ? [`access key used for ${services.join(', ')}`] : [];
  return {
    replacement: 'iam-role',
    evidence: [...evidence, 'no CI or on-premises evidence: assumed AWS compute'],
  };
}

const STEPS: Record<WorkloadReplacement, string[]> = {
  'iam-role': [
    'Create an IAM role with the same permissions, trusted by the compute service that runs the workload (EC2 instance profile, ECS task role, Lambda execution role)',
    'Attach the role to the compute and remove the access key from its configuration; the SDK picks up role credentials automatically',
    'Watch the key’s last-used date; when it stops changing, deactivate it, then delete the key and the IAM user',
  ],
  'oidc-federation': [
    'Add the CI provider as an IAM OIDC identity provider (e.g. token.actions.githubusercontent.com)',
    'Create a role trusted by that provider, restricted with a sub condition to the repository and branch that deploy',
    'Switch the pipeline to assume the role (e.g. aws-actions/configure-aws-credentials with role-to-assume), remove the stored key, then delete the key and the IAM user',
  ],
  'roles-anywhere': [
    'Create an IAM Roles Anywhere trust anchor from your private CA and a profile for a role with the same permissions',
    'Issue the host an X.509 certificate and configure aws_signing_helper as the credential_process of its AWS profile',
    'Remove the access key from the host, deactivate it, then delete the key and the IAM user',
  ],
};

const SUMMARY: Record<WorkloadReplacement, string> = {
  'iam-role': 'Replace the access key with an IAM role on the AWS compute that runs this workload.',
  'oidc-federation': 'Replace the access key with OIDC federation from the CI system to an IAM role.',
  'roles-anywhere': 'Replace the access key with IAM Roles Anywhere for this on-premises workload.',
};

export function workloadMigrationAdvice(user: IamUser, evidence: string[]): MigrationAdvice {
  const choice = chooseWorkloadReplacement(user);
  return {
    kind: 'workload-to-role',
    summary: `${SUMMARY[choice.replacement]} Evidence: ${[...evidence, ...choice.evidence].join('; ')}.`,
    replacement: choice.replacement,
    steps: STEPS[choice.replacement],
  };
}
