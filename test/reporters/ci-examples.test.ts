import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';

const root = new URL('../../', import.meta.url);
const read = async (path: string) => parseYaml(await readFile(new URL(path, root), 'utf8'));

interface Step {
  uses?: string;
  with?: Record<string, string>;
}
const steps = (workflow: { jobs: Record<string, { steps: Step[] }> }) =>
  Object.values(workflow.jobs).flatMap((job) => job.steps);

describe('example CI workflows', () => {
  it.each([
    'examples/github-actions/keysweep-scheduled.yml',
    'examples/github-actions/keysweep-organizations-matrix.yml',
  ])('%s: runs on a schedule, assumes a role with OIDC and uploads SARIF with a category', async (path) => {
    const workflow = await read(path);
    expect(workflow.on.schedule[0].cron).toMatch(/\S/);
    expect(workflow.permissions).toMatchObject({ 'id-token': 'write', 'security-events': 'write' });
    const all = steps(workflow);
    expect(all.some((s) => s.uses?.startsWith('aws-actions/configure-aws-credentials@'))).toBe(true);
    const upload = all.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'));
    expect(upload?.with?.category).toMatch(/\S/);
  });

  it('the scheduled workflow only uses inputs the action declares, with the same category for scan and upload', async () => {
    const action = await read('action.yml');
    const all = steps(await read('examples/github-actions/keysweep-scheduled.yml'));
    const scan = all.find((s) => s.uses?.startsWith('keysweep/keysweep@'));
    for (const input of Object.keys(scan?.with ?? {})) expect(Object.keys(action.inputs)).toContain(input);
    const upload = all.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'));
    expect(upload?.with?.category).toBe(scan?.with?.category);
  });

  it('the GitLab example uses an OIDC id_token and keeps the reports', async () => {
    const gitlab = await read('examples/gitlab-ci/.gitlab-ci.yml');
    expect(gitlab.keysweep.id_tokens.AWS_OIDC_TOKEN.aud).toBe('sts.amazonaws.com');
    expect(gitlab.keysweep.artifacts.paths).toContain('keysweep-report/');
    expect(gitlab.keysweep.script.join('\n')).toContain('keysweep@1 scan');
  });
});

describe('sharded example workflows', () => {
  it('GitHub Actions: one collect job per shard K/N with OIDC, then merge, scan and upload SARIF', async () => {
    const workflow = await read('examples/github-actions/keysweep-sharded.yml');
    expect(workflow.permissions).toMatchObject({ 'id-token': 'write', 'security-events': 'write' });
    const shards: number[] = workflow.jobs.collect.strategy.matrix.shard;
    expect(shards).toEqual(Array.from({ length: Number(workflow.env.SHARDS) }, (_, i) => i + 1));
    const collect: Step[] = workflow.jobs.collect.steps;
    expect(collect.some((s) => s.uses?.startsWith('aws-actions/configure-aws-credentials@'))).toBe(true);
    const run = (s: Step & { run?: string }) => s.run ?? '';
    expect(collect.map(run).join('\n')).toMatch(/collect --shard "\$\{\{ matrix\.shard \}\}\/\$\{SHARDS\}"/);
    expect(workflow.jobs.scan.needs).toBe('collect');
    const scan: Array<Step & { run?: string }> = workflow.jobs.scan.steps;
    expect(scan.map(run).join('\n')).toMatch(
      /merge shard-\*\.json --out snapshot\.json[\s\S]*scan --snapshot snapshot\.json/,
    );
    const upload = scan.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'));
    expect(upload?.with?.category).toBe('aws-org/main');
  });

  it('GitLab: parallel collect jobs map CI_NODE_INDEX/CI_NODE_TOTAL to --shard, a scan job merges', async () => {
    const gitlab = await read('examples/gitlab-ci/keysweep-sharded.gitlab-ci.yml');
    expect(gitlab['keysweep-collect'].parallel).toBeGreaterThan(1);
    expect(gitlab['keysweep-collect'].script.join('\n')).toContain('--shard "$CI_NODE_INDEX/$CI_NODE_TOTAL"');
    expect(gitlab['.aws-oidc'].id_tokens.AWS_OIDC_TOKEN.aud).toBe('sts.amazonaws.com');
    expect(gitlab['keysweep-scan'].needs).toEqual(['keysweep-collect']);
    expect(gitlab['keysweep-scan'].script.join('\n')).toMatch(/merge shard-\*\.json[\s\S]*scan --snapshot/);
  });
});
