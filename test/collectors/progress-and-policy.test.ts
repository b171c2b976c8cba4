import { describe, expect, it } from 'vitest';
import { createProgress, formatDuration } from '../../src/cli/progress/progress-reporter.js';
import { ALL_REQUIRED_ACTIONS, isReadOnlyAction } from '../../src/collectors/required-actions.js';
import { runKeysweep } from '../cli/run-cli.js';

function recorder(isTTY: boolean) {
  const chunks: string[] = [];
  return { chunks, stream: { isTTY, columns: 100, write: (t: string) => chunks.push(t) } };
}

function runThrough(progress: ReturnType<typeof createProgress>, clock: { now: number }) {
  progress.begin(3);
  clock.now += 2_000;
  progress.accountDone({ accountId: '111111111111', name: 'prod', outcome: 'complete', calls: 7 });
  progress.accountDone({
    accountId: '222222222222',
    name: 'old',
    outcome: 'skipped',
    calls: 0,
    detail: 'account status is SUSPENDED',
  });
  clock.now += 2_000;
  progress.accountDone({
    accountId: '333333333333',
    name: 'dev',
    outcome: 'failed',
    calls: 1,
    detail: 'AssumeRole: AccessDenied',
  });
  progress.note('an emulator gap');
  progress.end();
}

describe('progress', () => {
  it('writes plain lines when stderr is not a terminal', () => {
    const { chunks, stream } = recorder(false);
    const clock = { now: 0 };
    runThrough(createProgress({ stream, clock: () => clock.now }), clock);
    expect(chunks.join('')).toBe(
      [
        'keysweep: collecting 3 account(s)',
        'keysweep: [1/3] 111111111111 (prod) complete — 7 IAM/STS calls',
        'keysweep: [skipped] 222222222222 (old) skipped: account status is SUSPENDED',
        'keysweep: [2/3] 333333333333 (dev) failed — 1 IAM/STS calls: AssumeRole: AccessDenied',
        'keysweep: note: an emulator gap',
        'keysweep: collected 2 account(s) in 4.0 s, 1 incomplete',
        '',
      ].join('\n'),
    );
  });

  it('draws a bar with done/total, failures and ETA on a terminal', () => {
    const { chunks, stream } = recorder(true);
    const clock = { now: 0 };
    runThrough(createProgress({ stream, clock: () => clock.now }), clock);
    const text = chunks.join('');
    expect(text).toContain('1/3 accounts · 0 failed · ETA 0:04');
    expect(text).toContain('2/3 accounts · 1 failed · ETA 0:02');
    expect(text).toContain('keysweep: 333333333333 (dev) failed');
    expect(text).toContain('\r\x1b[2K');
  });

  it('estimates the ETA from observed per-account times and concurrency, and names the slowest accounts', () => {
    const { chunks, stream } = recorder(false);
    const clock = { now: 0 };
    const progress = createProgress({ stream, clock: () => clock.now });
    progress.begin(10, 4);
    // Four accounts finish together after ~10 s each: 6 left, 4 at a time, 10 s each → 15 s.
    for (const [id, ms] of [
      ['111111111111', 9_000],
      ['222222222222', 11_000],
      ['333333333333', 10_000],
      ['444444444444', 10_000],
    ] as const) {
      clock.now = ms;
      progress.accountDone({ accountId: id, name: 'a', outcome: 'complete', calls: 6, durationMs: ms });
    }
    progress.end();
    const text = chunks.join('');
    expect(text).toContain('keysweep: [4/10 ETA 0:15] 444444444444 (a) complete');
    expect(text).toContain(
      'incomplete; slowest: 222222222222 11.0 s, 333333333333 10.0 s, 444444444444 10.0 s',
    );
  });

  it('prints nothing with --quiet', () => {
    const { chunks, stream } = recorder(true);
    const clock = { now: 0 };
    runThrough(createProgress({ stream, quiet: true, clock: () => clock.now }), clock);
    expect(chunks).toEqual([]);
  });

  it('formats durations as m:ss', () => {
    expect(formatDuration(75.4)).toBe('1:15');
  });
});

describe('keysweep policy', () => {
  it('prints a read-only policy built from the collectors, with AssumeRole scoped to the role', async () => {
    const run = await runKeysweep(['policy', '--role-name', 'KeysweepAudit']);
    expect(run.code).toBe(0);
    const policy = JSON.parse(run.stdout.join('\n'));
    const [read, assume, assumeRoot] = policy.Statement;
    expect(read.Action).toEqual(
      ALL_REQUIRED_ACTIONS.filter((a) => a !== 'sts:AssumeRole' && a !== 'sts:AssumeRoot'),
    );
    expect(read.Action).toContain('iam:GetAccountAuthorizationDetails');
    expect(assume).toEqual({
      Sid: 'KeysweepAssumeScanRole',
      Effect: 'Allow',
      Action: ['sts:AssumeRole'],
      Resource: 'arn:aws:iam::*:role/KeysweepAudit',
    });
    // AssumeRoot only with the audit task policy, which can only list root's credentials.
    expect(assumeRoot).toEqual({
      Sid: 'KeysweepAuditMemberRootCredentials',
      Effect: 'Allow',
      Action: ['sts:AssumeRoot'],
      Resource: 'arn:aws:iam::*:root',
      Condition: {
        StringEquals: {
          'sts:TaskPolicyArn': 'arn:aws:iam::aws:policy/root-task/IAMAuditRootUserCredentials',
        },
      },
    });
    for (const action of [...read.Action, ...assume.Action, ...assumeRoot.Action])
      expect(isReadOnlyAction(action)).toBe(true);
  });

  it('would reject a write action', () => {
    expect(isReadOnlyAction('iam:CreateAccessKey')).toBe(false);
    expect(isReadOnlyAction('iam:DeleteUser')).toBe(false);
    expect(isReadOnlyAction('sso:ProvisionPermissionSet')).toBe(false);
  });
});
