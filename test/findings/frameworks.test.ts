import { describe, expect, it } from 'vitest';
import { anAccessKey, anAccount, anIamSlice, aSnapshot, aUser } from '../../fixtures/builders/index.js';
import { FRAMEWORKS, frameworkById } from '../../src/findings/frameworks/index.js';
import { buildComplianceSummary } from '../../src/report/model/compliance-summary.js';
import { ALL_RULES } from '../../src/rules/catalog/index.js';
import { evaluate } from '../../src/rules/engine.js';
import { FIXED_NOW } from '../support/rule-tester.js';

describe('framework files', () => {
  it('have unique control ids', () => {
    for (const mapping of FRAMEWORKS) {
      const ids = mapping.controls.map((c) => c.control);
      expect(new Set(ids).size, mapping.framework).toBe(ids.length);
    }
  });

  it('CIS v5.0 is v3.0 without 1.3 (security questions), later IAM numbers shifted down by one', () => {
    const v3 = frameworkById('CIS-AWS-3.0').controls;
    const v5 = frameworkById('CIS-AWS-5.0').controls;
    expect(v3.find((c) => c.control === '1.3')?.title).toMatch(/security questions/);
    expect(v5.some((c) => /security questions/.test(c.title))).toBe(false);
    for (const control of v3) {
      const n = Number(control.control.split('.')[1]);
      if (n === 3) continue;
      const shifted = v5.find((c) => c.control === `1.${n > 3 ? n - 1 : n}`);
      expect(shifted, control.control).toMatchObject({ title: control.title, ruleIds: control.ruleIds });
    }
  });

  it.each([
    ['CIS-AWS-3.0', '1.4', 'root-access-keys-exist'],
    ['CIS-AWS-3.0', '1.12', 'iam-credentials-unused'],
    ['CIS-AWS-3.0', '1.14', 'iam-access-key-max-age'],
    ['CIS-AWS-3.0', '1.21', 'iam-human-user-not-federated'],
    ['CIS-AWS-5.0', '1.3', 'root-access-keys-exist'],
    ['CIS-AWS-5.0', '1.13', 'iam-access-key-max-age'],
    ['CIS-AWS-5.0', '1.20', 'iam-human-user-not-federated'],
    ['CIS-AWS-5.0', '1.21', 'iam-cloudshell-full-access'],
    ['AWS-FSBP', 'IAM.1', 'iam-full-admin-privileges'],
    ['AWS-FSBP', 'IAM.3', 'iam-access-key-max-age'],
    ['AWS-FSBP', 'IAM.4', 'root-access-keys-exist'],
    ['AWS-FSBP', 'IAM.6', 'root-hardware-mfa-missing'],
    ['AWS-FSBP', 'IAM.9', 'root-mfa-disabled'],
    ['AWS-FSBP', 'IAM.19', 'iam-user-without-mfa'],
    ['AWS-FSBP', 'IAM.21', 'iam-policy-service-wildcard'],
    ['AWS-FSBP', 'IAM.22', 'iam-credentials-unused'],
  ] as const)('%s %s is checked by %s', (framework, control, ruleId) => {
    expect(frameworkById(framework).controls.find((c) => c.control === control)?.ruleIds).toContain(ruleId);
  });
});

describe('compliance summary', () => {
  const oldKey = aSnapshot({
    accounts: [
      anAccount({ iam: anIamSlice({ users: [aUser({ userName: 'svc-a', accessKeys: [anAccessKey()] })] }) }),
    ],
  });

  it('marks a control failed when one of its rules found something, with the finding count', () => {
    const summary = buildComplianceSummary(evaluate(oldKey, { rules: ALL_RULES, now: FIXED_NOW }));
    expect(summary.find((s) => s.framework === 'AWS-FSBP' && s.control === 'IAM.3')).toEqual({
      framework: 'AWS-FSBP',
      control: 'IAM.3',
      title: "IAM users' access keys should be rotated every 90 days or less",
      ruleIds: ['iam-access-key-max-age'],
      status: 'failed',
      findings: 1,
    });
    expect(summary.find((s) => s.framework === 'CIS-AWS-3.0' && s.control === '1.4')?.status).toBe('passed');
  });

  it('lists only controls with a rule, one entry per framework control', () => {
    const summary = buildComplianceSummary(evaluate(oldKey, { rules: ALL_RULES, now: FIXED_NOW }));
    const expected = FRAMEWORKS.flatMap((f) => f.controls.filter((c) => c.ruleIds.length > 0));
    expect(summary).toHaveLength(expected.length);
    expect(summary.some((s) => s.control === '1.18')).toBe(false);
  });

  it('never reports passed when a rule of the control could not run', () => {
    const account = anAccount();
    account.iam.root = {
      status: 'failed',
      error: { code: 'AccessDenied', message: 'no GetCredentialReport' },
    };
    const summary = buildComplianceSummary(
      evaluate(aSnapshot({ accounts: [account] }), { rules: ALL_RULES, now: FIXED_NOW }),
    );
    expect(summary.find((s) => s.framework === 'CIS-AWS-3.0' && s.control === '1.4')?.status).toBe(
      'not_evaluated',
    );
  });

  it('marks controls of skipped rules not evaluated', () => {
    const rules = ALL_RULES.filter((rule) => rule.id !== 'root-mfa-disabled');
    const summary = buildComplianceSummary(evaluate(oldKey, { rules, now: FIXED_NOW }));
    expect(summary.find((s) => s.framework === 'AWS-FSBP' && s.control === 'IAM.9')?.status).toBe(
      'not_evaluated',
    );
  });
});
