import { describe, expect, it } from 'vitest';
import { demoKit, parseAllTf, parseTf } from './support/kit.js';

/** How hcl2json shows a reference: `${aws_x.y.attr}`. */
const tfRef = (expr: string) => ['$', '{', expr, '}'].join('');
type Block = Record<string, unknown>;
interface Condition {
  test: string;
  variable: string;
  values: string[];
}
interface TrustDoc {
  statement: Array<{
    actions: string[];
    principals: Array<{ type: string; identifiers: string[] }>;
    condition?: Condition[];
  }>;
}

describe('workloads/*.tf', () => {
  it('parses, one file per account with workloads, one role per workload IAM user', async () => {
    const { files, plan } = await demoKit();
    const tf = files.filter((f) => f.path.startsWith('workloads/'));
    for (const file of tf) await expect(parseTf(file)).resolves.toBeTypeOf('object');
    const parsed = await parseAllTf(files, 'workloads/');
    expect(Object.keys(parsed.resource!.aws_iam_role!)).toHaveLength(plan.workloads.length);
    const accounts = new Set(plan.workloads.map((w) => w.accountId));
    expect(tf.map((f) => f.path).sort()).toEqual([...accounts].sort().map((id) => `workloads/${id}.tf`));
  });

  it('pins the GitHub Actions trust to one repository and never trusts a federated provider unconditioned', async () => {
    const { files } = await demoKit();
    const parsed = await parseAllTf(
      files.filter((f) => f.path === 'workloads/100000000006.tf'),
      'workloads/',
    );
    const doc = parsed.data!.aws_iam_policy_document!
      .github_actions_payments_trust![0] as unknown as TrustDoc;
    const statement = doc.statement[0]!;
    expect(statement.actions).toEqual(['sts:AssumeRoleWithWebIdentity']);
    expect(statement.principals[0]!.identifiers).toEqual([
      tfRef('aws_iam_openid_connect_provider.github.arn'),
    ]);
    expect(statement.condition).toContainEqual({
      test: 'StringLike',
      variable: 'token.actions.githubusercontent.com:sub',
      values: [`repo:${tfRef('var.github_actions_payments_repository')}:*`],
    });
    expect(statement.condition).toContainEqual({
      test: 'StringEquals',
      variable: 'token.actions.githubusercontent.com:aud',
      values: ['sts.amazonaws.com'],
    });
    // The repository variable has no default: Terraform asks for it instead of trusting every repository.
    expect(parsed.variable!.github_actions_payments_repository![0]).not.toHaveProperty('default');

    const everyAccount = await parseAllTf(files, 'workloads/');
    for (const [name, [trust]] of Object.entries(everyAccount.data!.aws_iam_policy_document!)) {
      const st = (trust as unknown as TrustDoc).statement[0]!;
      if (st.principals[0]!.type !== 'Federated') continue;
      expect(
        st.condition?.some((c) => c.variable.endsWith(':sub')),
        name,
      ).toBe(true);
    }
  });

  it('gives a role the IAM user’s policies, uses Roles Anywhere on-premises, and records last-used services', async () => {
    const { files, plan } = await demoKit();
    const parsed = await parseAllTf(files, 'workloads/');
    const etl = plan.workloads.find((w) => w.userName === 'etl-onprem-sync')!;
    expect(etl.replacement).toBe('roles-anywhere');
    expect(etl.servicesLastUsed.map((s) => s.service)).toEqual(['glue']);
    expect(parsed.resource!.aws_rolesanywhere_trust_anchor!.etl_onprem_sync).toBeDefined();
    expect((parsed.resource!.aws_rolesanywhere_profile!.etl_onprem_sync![0] as Block).role_arns).toEqual([
      tfRef('aws_iam_role.etl_onprem_sync.arn'),
    ]);
    expect(
      (parsed.resource!.aws_iam_role_policy_attachment!.etl_onprem_sync_data_lake_access![0] as Block)
        .policy_arn,
    ).toBe(tfRef('data.aws_iam_policy.etl_onprem_sync_data_lake_access.arn'));
    const backup = files.find((f) => f.path === 'workloads/100000000006.tf')!.content;
    expect(backup).toMatch(/svc-backup-5: replace its access keys with an IAM role on the AWS compute/);
    expect(backup).toMatch(/Services its keys last called: s3 \(/);
  });
});
