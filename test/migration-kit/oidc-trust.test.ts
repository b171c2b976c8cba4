import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/io/input-error.js';
import { isStrictOidcSubject, parseOidcSubject } from '../../src/migration-kit/oidc-subject.js';
import { renderWorkloadsTerraform } from '../../src/migration-kit/terraform/workloads-tf.js';
import { demoKit, parseAllTf } from './support/kit.js';

type Block = Record<string, unknown>;
const tfRef = (expr: string) => ['$', '{', expr, '}'].join('');

const OPEN = [
  '*',
  '?*',
  '**',
  '*:*',
  'repo:*',
  'repo:?*',
  'project_path:*',
  ' repo:org/x:*',
  '*/main',
  ':',
  '/*',
];
const NAMED = ['repo:org/app:ref:refs/heads/main', 'repo:org/app:*', 'pipeline:acme/deploy', 'org/app'];

describe('OIDC trust for CI systems', () => {
  it('refuses subject patterns that are all wildcards, start with one, or open a claim with one', () => {
    for (const pattern of OPEN) expect(isStrictOidcSubject(pattern), pattern).toBe(false);
    for (const pattern of NAMED) expect(isStrictOidcSubject(pattern), pattern).toBe(true);
    expect(() => parseOidcSubject('config oidcSubject', 'repo:*')).toThrow(InputError);
    expect(() => parseOidcSubject('config oidcSubject', 'repo:*')).toThrow(
      /^config oidcSubject: "repo:\*" is refused\. [^\n]+$/,
    );
  });

  it('Terraform validates the generic subject with the same rule (RE2 patterns evaluated here)', async () => {
    const { files, plan } = await demoKit();
    const generic = plan.workloads.find(
      (w) => w.replacement === 'oidc-federation' && w.ciProvider === 'other',
    )!;
    const module = await parseAllTf(files, `workloads/${generic.accountId}/`);
    const subject = Object.entries(module.variable!).find(([name]) => name.endsWith('_oidc_subject'))!;
    const validation = ((subject[1][0] as Block).validation as Block[])[0]!;
    const condition = String(validation.condition);
    // Evaluate the condition's regexes as Terraform would, for every case.
    const regexes = [...condition.matchAll(/(!?)can\(regex\("((?:[^"\\]|\\.)*)"/g)].map((m) => ({
      negated: m[1] === '!',
      re: new RegExp(JSON.parse(`"${m[2]}"`)),
    }));
    expect(regexes).toHaveLength(3);
    const terraformAccepts = (value: string) =>
      regexes.every(({ negated, re }) => re.test(value) !== negated);
    for (const pattern of [...OPEN, ...NAMED])
      expect(terraformAccepts(pattern), pattern).toBe(isStrictOidcSubject(pattern));
    expect(subject[1][0]).not.toHaveProperty('default');
    // The audience is the CI system's own, asked for, never assumed to be sts.amazonaws.com.
    const audience = Object.entries(module.variable!).find(([name]) => name.endsWith('_oidc_audience'))!;
    expect(audience[1][0]).not.toHaveProperty('default');
  });

  it('uses the audience GitLab jobs request (the GitLab URL by default) in the condition and the provider', async () => {
    const { plan } = await demoKit();
    const base = plan.workloads.find((w) => w.replacement === 'oidc-federation' && w.ciProvider === 'other')!;
    const gitlab = {
      ...base,
      userName: 'gitlab-deploy',
      ciProvider: 'gitlab' as const,
      oidcProvider: {
        url: 'gitlab.com',
        arn: null,
        exists: false,
        clientIds: ['https://gitlab.com'],
        audience: 'https://gitlab.com',
      },
    };
    const files = renderWorkloadsTerraform({ ...plan, workloads: [gitlab] });
    const module = await parseAllTf(files, `workloads/${base.accountId}/`);
    expect((module.resource!.aws_iam_openid_connect_provider!.gitlab![0] as Block).client_id_list).toEqual([
      'https://gitlab.com',
    ]);
    expect((module.variable!.gitlab_deploy_audience![0] as Block).default).toBe('https://gitlab.com');
    const trust = module.data!.aws_iam_policy_document!.gitlab_deploy_trust![0] as {
      statement: Array<{ condition: Array<{ variable: string; values: string[] }> }>;
    };
    expect(trust.statement[0]!.condition).toContainEqual(
      expect.objectContaining({ variable: 'gitlab.com:aud', values: [tfRef('var.gitlab_deploy_audience')] }),
    );
  });
});
