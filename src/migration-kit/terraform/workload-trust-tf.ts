import type { PlanWorkload } from '../plan-schema.js';
import { block, type HclBlock, ref, tfName } from './hcl.js';

/** What the trust policy and its surroundings need: blocks, variables, and the trust document's name. */
export interface TrustParts {
  blocks: HclBlock[];
  trustDocument: string;
}

const GITHUB_ISSUER = 'token.actions.githubusercontent.com';

function variable(name: string, description: string, pattern?: { regex: string; message: string }): HclBlock {
  return block(
    'variable',
    [name],
    [
      ['type', ref('string')],
      ['description', description],
    ],
    {
      blocks: pattern
        ? [
            block(
              'validation',
              [],
              [
                ['condition', ref(`can(regex(${JSON.stringify(pattern.regex)}, var.${name}))`)],
                ['error_message', pattern.message],
              ],
            ),
          ]
        : [],
    },
  );
}

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
 * The trust side of a workload's replacement role. CI federation always pins the subject (for GitHub
 * `repo:ORG/REPO:*`) through a variable without a default, so Terraform refuses to apply an open trust.
 */
export function workloadTrust(workload: PlanWorkload, providers: Set<string>): TrustParts {
  const id = tfName(workload.userName);
  const trust = `${id}_trust`;
  const blocks: HclBlock[] = [];
  if (workload.replacement === 'oidc-federation' && workload.ciProvider === 'github') {
    if (!providers.has('github')) {
      providers.add('github');
      blocks.push(
        block(
          'resource',
          ['aws_iam_openid_connect_provider', 'github'],
          [
            ['url', `https://${GITHUB_ISSUER}`],
            ['client_id_list', ['sts.amazonaws.com']],
          ],
        ),
      );
    }
    blocks.push(
      variable(`${id}_repository`, `GitHub repository (ORG/REPO) allowed to assume ${workload.roleName}`, {
        regex: '^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$',
        message: 'Give the repository as ORG/REPO.',
      }),
      trustDocument(
        trust,
        { type: 'Federated', identifiers: [ref('aws_iam_openid_connect_provider.github.arn')] },
        ['sts:AssumeRoleWithWebIdentity'],
        [
          condition('StringEquals', `${GITHUB_ISSUER}:aud`, ['sts.amazonaws.com']),
          condition('StringLike', `${GITHUB_ISSUER}:sub`, [ref(`"repo:\${var.${id}_repository}:*"`)]),
        ],
      ),
    );
  } else if (workload.replacement === 'oidc-federation' && workload.ciProvider === 'gitlab') {
    if (!providers.has('gitlab')) {
      providers.add('gitlab');
      blocks.push(
        block(
          'resource',
          ['aws_iam_openid_connect_provider', 'gitlab'],
          [
            ['url', 'https://gitlab.com'],
            ['client_id_list', ['https://gitlab.com']],
          ],
        ),
      );
    }
    blocks.push(
      variable(
        `${id}_project_path`,
        `GitLab project path (GROUP/PROJECT) allowed to assume ${workload.roleName}`,
        {
          regex: '^[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+)+$',
          message: 'Give the project as GROUP/PROJECT.',
        },
      ),
      trustDocument(
        trust,
        { type: 'Federated', identifiers: [ref('aws_iam_openid_connect_provider.gitlab.arn')] },
        ['sts:AssumeRoleWithWebIdentity'],
        [
          condition('StringEquals', 'gitlab.com:aud', ['https://gitlab.com']),
          condition('StringLike', 'gitlab.com:sub', [ref(`"project_path:\${var.${id}_project_path}:*"`)]),
        ],
      ),
    );
  } else if (workload.replacement === 'oidc-federation') {
    blocks.push(
      variable(
        `${id}_oidc_issuer`,
        `OIDC issuer host of the CI system behind ${workload.userName} (no https://)`,
      ),
      variable(
        `${id}_oidc_subject`,
        `subject claim pattern the CI system sends for this pipeline (never "*")`,
        {
          regex: '^[^*].*$',
          message: 'The subject must name the pipeline; a bare * would trust every pipeline of the issuer.',
        },
      ),
      block(
        'resource',
        ['aws_iam_openid_connect_provider', id],
        [
          ['url', ref(`"https://\${var.${id}_oidc_issuer}"`)],
          ['client_id_list', ['sts.amazonaws.com']],
        ],
      ),
      trustDocument(
        trust,
        { type: 'Federated', identifiers: [ref(`aws_iam_openid_connect_provider.${id}.arn`)] },
        ['sts:AssumeRoleWithWebIdentity'],
        [
          condition('StringEquals', ref(`"\${var.${id}_oidc_issuer}:aud"`), ['sts.amazonaws.com']),
          condition('StringLike', ref(`"\${var.${id}_oidc_issuer}:sub"`), [ref(`var.${id}_oidc_subject`)]),
        ],
      ),
    );
  } else if (workload.replacement === 'roles-anywhere') {
    blocks.push(
      variable(`${id}_ca_certificate_pem`, 'PEM of the private CA that issues the host certificate'),
      variable(
        `${id}_certificate_cn`,
        `common name of the certificate issued to the host behind ${workload.userName}`,
      ),
      block(
        'resource',
        ['aws_rolesanywhere_trust_anchor', id],
        [
          ['name', `${workload.userName}-ca`],
          ['enabled', true],
        ],
        {
          blocks: [
            block('source', [], [['source_type', 'CERTIFICATE_BUNDLE']], {
              blocks: [
                block('source_data', [], [['x509_certificate_data', ref(`var.${id}_ca_certificate_pem`)]]),
              ],
            }),
          ],
        },
      ),
      trustDocument(
        trust,
        { type: 'Service', identifiers: ['rolesanywhere.amazonaws.com'] },
        ['sts:AssumeRole', 'sts:TagSession', 'sts:SetSourceIdentity'],
        [
          condition('ArnEquals', 'aws:SourceArn', [ref(`aws_rolesanywhere_trust_anchor.${id}.arn`)]),
          condition('StringEquals', 'aws:PrincipalTag/x509Subject/CN', [ref(`var.${id}_certificate_cn`)]),
        ],
      ),
      block(
        'resource',
        ['aws_rolesanywhere_profile', id],
        [
          ['name', workload.userName],
          ['enabled', true],
          ['role_arns', [ref(`aws_iam_role.${id}.arn`)]],
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
        ['aws_iam_instance_profile', id],
        [
          ['name', workload.roleName],
          ['role', ref(`aws_iam_role.${id}.name`)],
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
