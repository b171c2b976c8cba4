import { describe, expect, it } from 'vitest';
import { anAccessKey, aUser } from '../../fixtures/builders/index.js';
import {
  adviceWithRuleSteps,
  fillFixSteps,
  hasRuleSteps,
  isFilledFromRule,
} from '../../src/findings/fill-fix-steps.js';
import maxAge from '../../src/rules/catalog/iam-access-key-max-age.js';
import { evaluate } from '../../src/rules/engine.js';
import { oneAccount } from '../rules/support/snapshots.js';
import { FIXED_NOW } from '../support/rule-tester.js';

describe('fix-now CLI steps', () => {
  it('name the known user and key instead of <user> / <old-key-id>', () => {
    const key = anAccessKey({ accessKeyId: 'AKIAROTATEME00000001', createDate: '2025-01-01T00:00:00.000Z' });
    const snapshot = oneAccount({
      users: [aUser({ userName: 'svc-report', path: '/apps/', accessKeys: [key] })],
    });
    const [finding] = evaluate(snapshot, { rules: [maxAge], now: FIXED_NOW }).findings;
    expect(finding!.advice.fixNow.cli).toEqual([
      'aws iam create-access-key --user-name svc-report',
      'aws iam update-access-key --user-name svc-report --access-key-id AKIAROTATEME00000001 --status Inactive',
      'aws iam delete-access-key --user-name svc-report --access-key-id AKIAROTATEME00000001',
    ]);
  });

  it('fills a permission set and its instance, and leaves what the finding does not know', () => {
    const steps = fillFixSteps(
      {
        console: [],
        cli: [
          'aws sso-admin x --instance-arn <instance-arn> --permission-set-arn <ps-arn> --target-id <account-id>',
        ],
      },
      'arn:aws:sso:::permissionSet/ssoins-1111111111111111/ps-abc',
      '',
      '100000000001',
    );
    expect(steps.cli[0]).toBe(
      'aws sso-admin x --instance-arn arn:aws:sso:::instance/ssoins-1111111111111111 --permission-set-arn arn:aws:sso:::permissionSet/ssoins-1111111111111111/ps-abc --target-id <account-id>',
    );
  });

  it("are computed when read: the advice looks stored to JSON and equality, and is marked as the rule's", () => {
    const remediation = { console: ['IAM console → Users'], cli: ['aws iam delete-user --user-name <user>'] };
    const finding = {
      resourceArn: 'arn:aws:iam::100000000001:user/ann',
      subject: '',
      accountId: '100000000001',
    };
    const advice = adviceWithRuleSteps('Delete it', remediation, finding, undefined);
    const filled = { console: remediation.console, cli: ['aws iam delete-user --user-name ann'] };
    expect(advice).toEqual({ summary: 'Delete it', fixNow: filled });
    expect(JSON.parse(JSON.stringify(advice))).toEqual({ summary: 'Delete it', fixNow: filled });
    expect(JSON.stringify(advice)).toBe(JSON.stringify({ summary: 'Delete it', fixNow: filled }));
    expect(advice).not.toEqual({ summary: 'Delete it', fixNow: { ...filled, cli: ['other'] } });
    expect(hasRuleSteps(advice)).toBe(true);
    expect(isFilledFromRule(advice.fixNow)).toBe(true);
    // Read from the finding as it is now (the finding owns its names).
    finding.resourceArn = 'arn:aws:iam::100000000001:user/bob';
    expect(advice.fixNow.cli).toEqual(['aws iam delete-user --user-name bob']);
  });

  it("can be replaced: an assigned fixNow is stored and no longer counts as the rule's", () => {
    const remediation = { console: [], cli: ['aws iam delete-user --user-name <user>'] };
    const finding = {
      resourceArn: 'arn:aws:iam::100000000001:user/ann',
      subject: '',
      accountId: '100000000001',
    };
    const advice = adviceWithRuleSteps('Delete it', remediation, finding, {
      kind: 'delete-user',
      summary: 'x',
    });
    const own = { console: ['by hand'], cli: [] };
    advice.fixNow = own;
    expect(advice.fixNow).toBe(own);
    expect(hasRuleSteps(advice)).toBe(false);
    expect(Object.keys(JSON.parse(JSON.stringify(advice)))).toEqual(['summary', 'fixNow', 'migration']);
    expect(advice).toEqual({
      summary: 'Delete it',
      fixNow: own,
      migration: { kind: 'delete-user', summary: 'x' },
    });
  });
});
