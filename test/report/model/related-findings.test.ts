import { describe, expect, it } from 'vitest';
import { anAccessKey, aUser } from '../../../fixtures/builders/index.js';
import { buildReportModel } from '../../../src/report/model/report-model.js';
import { ALL_RULES } from '../../../src/rules/catalog/index.js';
import { evaluate } from '../../../src/rules/engine.js';
import { oneAccount } from '../../rules/support/snapshots.js';
import { FIXED_NOW } from '../../support/rule-tester.js';

describe('one problem per access key', () => {
  it('keeps every fact of an old, never-used workload key but makes the worst one its primary', () => {
    const key = anAccessKey({ accessKeyId: 'AKIASVCOLD0000000001', createDate: '2025-01-01T00:00:00.000Z' });
    const snapshot = oneAccount({ users: [aUser({ userName: 'svc-old', accessKeys: [key] })] });
    const evaluation = evaluate(snapshot, { rules: ALL_RULES, now: FIXED_NOW });
    const model = buildReportModel(snapshot, evaluation, { now: FIXED_NOW, toolVersion: 't' });
    const about = [...model.findings].filter((f) => f.resourceArn.endsWith(':user/svc-old'));
    // Every rule's fact stays (each maps to its own control).
    expect(about.map((f) => f.ruleId).sort()).toEqual([
      'iam-access-key-max-age',
      'iam-access-key-never-used',
      'iam-credentials-unused',
      'iam-user-without-mfa',
      'iam-workload-user-static-keys',
    ]);
    const primaries = about.filter((f) => !f.relatedTo);
    expect(primaries.map((f) => f.ruleId)).toEqual(['iam-access-key-max-age']);
    for (const f of about.filter((f) => f.relatedTo)) expect(f.relatedTo).toBe(primaries[0]!.id);
  });

  it('leaves findings about different keys and other credentials separate', () => {
    const keys = [
      anAccessKey({ accessKeyId: 'AKIAJANE000000000001', createDate: '2025-01-01T00:00:00.000Z' }),
      anAccessKey({ accessKeyId: 'AKIAJANE000000000002', createDate: '2025-01-01T00:00:00.000Z' }),
    ];
    const snapshot = oneAccount({
      users: [aUser({ userName: 'jane.doe', passwordEnabled: true, accessKeys: keys })],
    });
    const evaluation = evaluate(snapshot, { rules: ALL_RULES, now: FIXED_NOW });
    const model = buildReportModel(snapshot, evaluation, { now: FIXED_NOW, toolVersion: 't' });
    const primaries = [...model.findings].filter((f) => !f.relatedTo && f.subject.startsWith('AKIA'));
    expect(primaries.map((f) => f.subject).sort()).toEqual(['AKIAJANE000000000001', 'AKIAJANE000000000002']);
    // The console password is its own problem, not folded into a key.
    expect(
      [...model.findings].find((f) => f.ruleId === 'iam-console-user-without-mfa')?.relatedTo,
    ).toBeUndefined();
  });
});
