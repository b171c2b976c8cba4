import { describe, expect, it } from 'vitest';
import { aRoot, aUsageSlice } from '../../fixtures/builders/index.js';
import { failed } from '../../src/inventory/collection.js';
import { summarizeScan } from '../../src/report/model/scan-status.js';
import { ALL_RULES } from '../../src/rules/catalog/index.js';
import { evaluate } from '../../src/rules/engine.js';
import { oneAccount } from '../rules/support/snapshots.js';
import { FIXED_NOW } from '../support/rule-tester.js';

describe('scan completeness and "unknown"', () => {
  it('no credential-report root row: root rules say unknown, no critical finding, the scan stays complete', () => {
    const snapshot = oneAccount({
      root: aRoot({ passwordEnabled: null, mfaActive: false, mfaKind: 'none' }),
      accountSummary: { Roles: 3 },
      usage: aUsageSlice([]),
    });
    const evaluation = evaluate(snapshot, { rules: ALL_RULES, now: FIXED_NOW });
    expect(evaluation.findings.filter((f) => f.ruleId.startsWith('root-'))).toEqual([]);
    expect(evaluation.notEvaluated.map((n) => n.ruleId).sort()).toEqual([
      'root-hardware-mfa-missing',
      'root-member-credentials-present',
      'root-mfa-disabled',
    ]);
    expect(summarizeScan(snapshot, evaluation, FIXED_NOW).complete).toBe(true);
  });

  it('a slice that failed to collect still makes the scan incomplete', () => {
    const snapshot = oneAccount({});
    snapshot.accounts[0]!.iam.root = failed('AccessDenied', 'no');
    const evaluation = evaluate(snapshot, { rules: ALL_RULES, now: FIXED_NOW });
    expect(summarizeScan(snapshot, evaluation, FIXED_NOW).complete).toBe(false);
  });
});
