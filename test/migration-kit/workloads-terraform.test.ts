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

describe('workloads/<account-id>/', () => {
  it('is one root module per account with workloads: its own provider pinned to the account, one role per workload', async () => {
    const { files, plan } = await demoKit();
    const tf = files.filter((f) => f.path.startsWith('workloads/'));
    for (const file of tf) await expect(parseTf(file)).resolves.toBeTypeOf('object');
    const accounts = [...new Set(plan.workloads.map((w) => w.accountId))].sort();
    expect(tf.map((f) => f.path).sort()).toEqual(
      accounts.flatMap((id) => [`workloads/${id}/main.tf`, `workloads/${id}/roles.tf`]),
    );
    for (const accountId of accounts) {
      const module = await parseAllTf(files, `workloads/${accountId}/`);
      const roles = module.resource!.aws_iam_role!;
      expect(Object.keys(roles)).toHaveLength(plan.workloads.filter((w) => w.accountId === accountId).length);
      const main = (await parseTf(files.find((f) => f.path === `workloads/${accountId}/main.tf`)!)) as Record<
        string,
        unknown
      >;
      const provider = (main.provider as Record<string, Array<Record<string, unknown>>>).aws![0]!;
      expect(provider.allowed_account_ids).toEqual([accountId]);
      expect(provider.region).toBe(tfRef('var.region'));
      const settings = (main.terraform as Array<Record<string, unknown>>)[0]!;
      expect(JSON.stringify(settings.required_providers)).toContain('>= 5.81.0, < 7.0.0');
    }
  });

  it('imports the GitHub OIDC provider that already exists (IAM allows one per URL) and protects it', async () => {
    const { files, plan, snapshot } = await demoKit();
    const account = snapshot.accounts.find((a) => a.id === '100000000006')!;
    const existing =
      account.iam.identityProviders.status === 'ok'
        ? account.iam.identityProviders.data.oidc.find((p) => p.url === 'token.actions.githubusercontent.com')
        : undefined;
    expect(existing).toBeDefined();
    const module = await parseAllTf(files, 'workloads/100000000006/');
    const githubProviders = Object.entries(module.resource!.aws_iam_openid_connect_provider!).filter(
      ([, [p]]) => (p as Block).url === 'https://token.actions.githubusercontent.com',
    );
    expect(githubProviders.map(([name]) => name)).toEqual(['github']);
    const github = module.resource!.aws_iam_openid_connect_provider!.github![0] as Block;
    expect(github.lifecycle).toEqual([{ prevent_destroy: true }]);
    expect(github.client_id_list).toEqual(
      expect.arrayContaining([...existing!.clientIds, 'sts.amazonaws.com']),
    );
    expect(module.import).toContainEqual({
      to: tfRef('aws_iam_openid_connect_provider.github'),
      id: existing!.arn,
    });
    const workload = plan.workloads.find((w) => w.userName === 'github-actions-payments')!;
    expect(workload.oidcProvider).toMatchObject({ exists: true, arn: existing!.arn });
  });

  it('pins the GitHub Actions trust to one repository and never trusts a federated provider unconditioned', async () => {
    const { files } = await demoKit();
    const parsed = await parseAllTf(files, 'workloads/100000000006/');
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

    for (const accountId of new Set(files.map((f) => f.path.split('/')[1]!))) {
      if (!/^\d{12}$/.test(accountId)) continue;
      const module = await parseAllTf(files, `workloads/${accountId}/`);
      for (const [name, [trust]] of Object.entries(module.data?.aws_iam_policy_document ?? {})) {
        const st = (trust as unknown as TrustDoc).statement[0]!;
        if (st.principals[0]!.type !== 'Federated') continue;
        expect(
          st.condition?.some((c) => c.variable.endsWith(':sub')),
          name,
        ).toBe(true);
      }
    }
  });

  it('gives a role the IAM user’s policies, uses Roles Anywhere on-premises, and records last-used services', async () => {
    const { files, plan } = await demoKit();
    const etl = plan.workloads.find((w) => w.userName === 'etl-onprem-sync')!;
    const parsed = await parseAllTf(files, `workloads/${etl.accountId}/`);
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
    const backup = files.find((f) => f.path === 'workloads/100000000006/roles.tf')!.content;
    expect(backup).toMatch(/svc-backup-5: replace its access keys with an IAM role on the AWS compute/);
    expect(backup).toMatch(/Services its keys last called: s3 \(/);
  });
});
