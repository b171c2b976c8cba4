import { OIDC_SUBJECT_RULE_TEXT, TERRAFORM_OIDC_SUBJECT_CONDITION } from '../oidc-subject.js';
import type { PlanWorkload } from '../plan-schema.js';
import { block, type HclBlock, type IdentifierFn, ref } from './hcl.js';
import { importBlock, PREVENT_DESTROY } from './identity-center-tf.js';

/** What the trust policy and its surroundings need: blocks, variables, and the trust document's name. */
export interface TrustParts {
  blocks: HclBlock[];
  trustDocument: string;
}

function variable(
  name: string,
  description: string,
  check?: { condition: string; message: string },
  defaultValue?: string,
): HclBlock {
  return block(
    'variable',
    [name],
    [
      ['type', ref('string')],
      ['description', description],
      ...(defaultValue === undefined ? [] : [['default', defaultValue] as [string, string]]),
    ],
    {
      blocks: check
        ? [
            block(
              'validation',
              [],
              [
                ['condition', ref(check.condition.replaceAll('VALUE', `var.${name}`))],
                ['error_message', check.message],
              ],
            ),
          ]
        : [],
    },
  );
}

const matches = (regex: string) => ({ condition: `can(regex(${JSON.stringify(regex)}, VALUE))` });

function condition(
  test: string,
  variableName: string | ReturnType<typeof ref>,
  values: Array<string | ReturnType<typeof ref>>,
): HclBlock {
  return block(
    'condition',
    [],
    [
      ['test', test],
      ['variable', variableName],
      ['values', values],
    ],
  );
}

function trustDocument(
  name: string,
  principal: { type: string; identifiers: Array<string | ReturnType<typeof ref>> },
  actions: string[],
  conditions: HclBlock[],
): HclBlock {
  return block('data', ['aws_iam_policy_document', name], [], {
    blocks: [
      block(
        'statement',
        [],
        [
          ['effect', 'Allow'],
          ['actions', actions],
        ],
        {
          blocks: [
            block(
              'principals',
              [],
              [
                ['type', principal.type],
                ['identifiers', principal.identifiers],
              ],
            ),
            ...conditions,
          ],
        },
      ),
    ],
  });
}

/**
 * The IAM OIDC provider for GitHub or GitLab, once per module (IAM allows one per URL per account): an
 * existing one is imported with its audiences kept and protected from destroy, never created again.
 */
function oidcProviderBlocks(
  provider: NonNullable<PlanWorkload['oidcProvider']>,
  resourceName: string,
): HclBlock[] {
  const comments =
    provider.exists === true
      ? [`exists (${provider.arn}): imported with its audiences, protected from destroy`]
      : provider.exists === null
        ? [
            `UNKNOWN whether an OIDC provider for ${provider.url} exists (identity providers not collected): if it does, import it (IAM allows one per URL)`,
          ]
        : [`new: no OIDC provider for ${provider.url} in this account`];
  const blocks = [
    block(
      'resource',
      ['aws_iam_openid_connect_provider', resourceName],
      [
        ['url', `https://${provider.url}`],
        ['client_id_list', provider.clientIds],
      ],
      { comments, ...(provider.exists === true ? { blocks: [PREVENT_DESTROY] } : {}) },
    ),
  ];
  if (provider.exists === true && provider.arn)
    blocks.push(importBlock(`aws_iam_openid_connect_provider.${resourceName}`, provider.arn));
  return blocks;
}

/**
 * The trust side of a workload's replacement role. CI federation always pins the subject through a
 * variable without a default whose validation refuses open patterns (all wildcards, a leading wildcard,
 * `repo:*`), so Terraform refuses to apply an open trust. The audience is the one the CI system sends.
 */
export function workloadTrust(
  workload: PlanWorkload,
  id: IdentifierFn,
  shared: Map<string, HclBlock[]>,
): TrustParts {
  const name = id('aws_iam_role', workload.userName);
  const trust = id('data.aws_iam_policy_document', workload.userName, 'trust');
  const variableName = (suffix: string) => id('variable', workload.userName, suffix);
  const blocks: HclBlock[] = [];
  const provider = workload.oidcProvider;
  if (workload.replacement === 'oidc-federation' && provider && workload.ciProvider === 'github') {
    const providerName = id('aws_iam_openid_connect_provider', 'github');
    if (!shared.has(providerName)) shared.set(providerName, oidcProviderBlocks(provider, providerName));
    const repository = variableName('repository');
    blocks.push(
      variable(repository, `GitHub repository (ORG/REPO) allowed to assume ${workload.roleName}`, {
        ...matches('^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$'),
        message: 'Give the repository as ORG/REPO, without wildcards.',
      }),
      trustDocument(
        trust,
        { type: 'Federated', identifiers: [ref(`aws_iam_openid_connect_provider.${providerName}.arn`)] },
        ['sts:AssumeRoleWithWebIdentity'],
        [
          condition('StringEquals', `${provider.url}:aud`, [provider.audience]),
          condition('StringLike', `${provider.url}:sub`, [ref(`"repo:\${var.${repository}}:*"`)]),
        ],
      ),
    );
  } else if (workload.replacement === 'oidc-federation' && provider && workload.ciProvider === 'gitlab') {
    const providerName = id('aws_iam_openid_connect_provider', 'gitlab');
    if (!shared.has(providerName)) shared.set(providerName, oidcProviderBlocks(provider, providerName));
    const project = variableName('project_path');
    const audience = variableName('audience');
    blocks.push(
      variable(project, `GitLab project path (GROUP/PROJECT) allowed to assume ${workload.roleName}`, {
        ...matches('^[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+)+$'),
        message: 'Give the project as GROUP/PROJECT, without wildcards.',
      }),
      variable(
        audience,
        `the aud the job requests in .gitlab-ci.yml id_tokens (GitLab has no default; ${provider.audience} is usual). Add it to the provider's client_id_list if it differs.`,
        { ...matches('^[^*?]+$'), message: 'The audience is one exact value, without wildcards.' },
        provider.audience,
      ),
      trustDocument(
        trust,
        { type: 'Federated', identifiers: [ref(`aws_iam_openid_connect_provider.${providerName}.arn`)] },
        ['sts:AssumeRoleWithWebIdentity'],
        [
          condition('StringEquals', `${provider.url}:aud`, [ref(`var.${audience}`)]),
          condition('StringLike', `${provider.url}:sub`, [ref(`"project_path:\${var.${project}}:*"`)]),
        ],
      ),
    );
  } else if (workload.replacement === 'oidc-federation') {
    const issuer = variableName('oidc_issuer');
    const subject = variableName('oidc_subject');
    const audience = variableName('oidc_audience');
    const providerName = id('aws_iam_openid_connect_provider', workload.userName);
    blocks.push(
      variable(issuer, `OIDC issuer host of the CI system behind ${workload.userName} (no https://)`, {
        ...matches('^[A-Za-z0-9.-]+(/[A-Za-z0-9._~-]+)*$'),
        message: 'Give the issuer as a host (and path), without https:// or wildcards.',
      }),
      variable(
        subject,
        `subject claim pattern the CI system sends for this pipeline. ${OIDC_SUBJECT_RULE_TEXT}`,
        {
          condition: TERRAFORM_OIDC_SUBJECT_CONDITION,
          message: OIDC_SUBJECT_RULE_TEXT,
        },
      ),
      variable(
        audience,
        'the audience (aud) the CI system puts in its tokens for AWS: see its documentation',
        {
          ...matches('^[^*?]+$'),
          message: 'The audience is one exact value, without wildcards.',
        },
      ),
      block(
        'resource',
        ['aws_iam_openid_connect_provider', providerName],
        [
          ['url', ref(`"https://\${var.${issuer}}"`)],
          ['client_id_list', [ref(`var.${audience}`)]],
        ],
        {
          comments: [
            'if this account already has a provider for the issuer, import it instead (IAM allows one per URL)',
          ],
        },
      ),
      trustDocument(
        trust,
        { type: 'Federated', identifiers: [ref(`aws_iam_openid_connect_provider.${providerName}.arn`)] },
        ['sts:AssumeRoleWithWebIdentity'],
        [
          condition('StringEquals', ref(`"\${var.${issuer}}:aud"`), [ref(`var.${audience}`)]),
          condition('StringLike', ref(`"\${var.${issuer}}:sub"`), [ref(`var.${subject}`)]),
        ],
      ),
    );
  } else if (workload.replacement === 'roles-anywhere') {
    const ca = variableName('ca_certificate_pem');
    const cn = variableName('certificate_cn');
    const anchor = id('aws_rolesanywhere_trust_anchor', workload.userName);
    blocks.push(
      variable(ca, 'PEM of the private CA that issues the host certificate'),
      variable(cn, `common name of the certificate issued to the host behind ${workload.userName}`, {
        ...matches('^[^*?]+$'),
        message: 'The common name is one exact value, without wildcards.',
      }),
      block(
        'resource',
        ['aws_rolesanywhere_trust_anchor', anchor],
        [
          ['name', `${workload.userName}-ca`],
          ['enabled', true],
        ],
        {
          blocks: [
            block('source', [], [['source_type', 'CERTIFICATE_BUNDLE']], {
              blocks: [block('source_data', [], [['x509_certificate_data', ref(`var.${ca}`)]])],
            }),
          ],
        },
      ),
      trustDocument(
        trust,
        { type: 'Service', identifiers: ['rolesanywhere.amazonaws.com'] },
        ['sts:AssumeRole', 'sts:TagSession', 'sts:SetSourceIdentity'],
        [
          condition('ArnEquals', 'aws:SourceArn', [ref(`aws_rolesanywhere_trust_anchor.${anchor}.arn`)]),
          condition('StringEquals', 'aws:PrincipalTag/x509Subject/CN', [ref(`var.${cn}`)]),
        ],
      ),
      block(
        'resource',
        ['aws_rolesanywhere_profile', id('aws_rolesanywhere_profile', workload.userName)],
        [
          ['name', workload.userName],
          ['enabled', true],
          ['role_arns', [ref(`aws_iam_role.${name}.arn`)]],
        ],
      ),
    );
  } else {
    blocks.push(
      trustDocument(
        trust,
        {
          type: 'Service',
          identifiers: ['ec2.amazonaws.com', 'ecs-tasks.amazonaws.com', 'lambda.amazonaws.com'],
        },
        ['sts:AssumeRole'],
        [],
      ),
      block(
        'resource',
        ['aws_iam_instance_profile', id('aws_iam_instance_profile', workload.userName)],
        [
          ['name', workload.roleName],
          ['role', ref(`aws_iam_role.${name}.name`)],
        ],
        {
          comments: [
            'for EC2; ECS tasks and Lambda functions take the role directly. Keep only the service that runs it.',
          ],
        },
      ),
    );
  }
  return { blocks, trustDocument: trust };
}
