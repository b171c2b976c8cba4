import { z } from 'zod';
import { rootAuditFacts } from '../../knowledge/policy/root-credentials.js';
import { assumeRootCommand, ROOT_ADVICE } from '../../knowledge/root-advice.js';
import { defineRule } from '../define-rule.js';

export default defineRule({
  id: 'root-access-keys-exist',
  title: 'Root user has access keys',
  severity: 'critical',
  messages: {
    rootKeys: 'The root user of account {accountId} has {keys} access key(s), {active} active.',
    rootKeysAudit:
      'The root user of account {accountId} has {keys} access key(s), {active} active (read in an AssumeRoot audit session).',
  },
  scope: 'account',
  resourceType: 'AWS::IAM::Root',
  requires: ['iam.root'],
  reads: ['org.rootCredentialsAudit'],
  options: z.object({}),
  rationale:
    'A root access key can do anything in the account, including closing it, and no policy or SCP restricts it ' +
    'in a standalone account. There is no task that needs one.',
  remediation: {
    console: ['Sign in as root → Security credentials → Access keys → Deactivate, then Delete each key'],
    cli: [
      `# With centralized root access: ${assumeRootCommand()}`,
      'aws iam delete-access-key --access-key-id <root-key-id>   # run with the root session credentials',
    ],
  },
  migration:
    'Enable centralized root access for the organization and delete member-account root credentials; ' +
    'privileged root tasks are then done with short root sessions from the management account.',
  references: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/id_root-user_manage_add-key.html'],
  evaluate({ slice, sliceIfCollected, fail, account, derive }) {
    const root = slice('iam.root');
    // The AssumeRoot audit lists root's keys directly; the credential report's slots otherwise.
    const audit = rootAuditFacts(sliceIfCollected('org.rootCredentialsAudit'), account.id);
    const keys = audit
      ? audit.accessKeys.map((key) => ({ active: key.status === 'Active' }))
      : root.accessKeys.map((key) => ({ active: key.active }));
    if (keys.length === 0) return;
    const active = keys.filter((key) => key.active).length;
    fail(root.arn, {
      messageId: audit ? 'rootKeysAudit' : 'rootKeys',
      data: { accountId: account.id, keys: keys.length, active },
      severity: active > 0 ? 'critical' : 'high',
      advice: { migration: derive(ROOT_ADVICE)(account.id) },
      details: { keys: keys.length, activeKeys: active },
    });
  },
});
