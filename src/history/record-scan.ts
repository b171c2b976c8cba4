import { SEVERITIES, type Severity } from '../rules/severity.js';
import type { HistoryFile } from './history-file.js';
import type { SqlValue } from './node-sqlite.js';
import { KEY_AGE_RULE, ROOT_CREDENTIAL_RULES, type ScanRecord } from './scan-record.js';

const SEVERITY_CODE: Record<Severity, number> = { critical: 0, high: 1, medium: 2, low: 3, info: 4 };

interface AccountTally {
  keysOverLimit: number;
  rootCredentials: boolean;
  open: number[];
}

/**
 * Appends one scan in one transaction: another writer waits for it (busy_timeout), and a failure leaves
 * the file as it was. Returns the new scan's row id.
 */
export function recordScan(history: HistoryFile, record: ScanRecord): number {
  return history.write(() => {
    const db = history.db;
    const interned = interner(history);
    const scanId = Number(
      db
        .prepare(
          `INSERT INTO scans (taken_at, taken_ms, recorded_from, tool_version, source, organization_id, complete,
             findings, critical, high, medium, low, info, waived)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          record.takenAt,
          Date.parse(record.takenAt),
          record.recordedFrom,
          record.toolVersion,
          record.source,
          record.organizationId,
          record.complete ? 1 : 0,
          record.summary.total,
          ...SEVERITIES.map((s) => record.summary.bySeverity[s]),
          record.summary.waived,
        ).lastInsertRowid,
    );
    for (const account of record.accounts) interned.account(account.accountId, account.name);

    const findIdentity = db.prepare('SELECT id FROM identities WHERE digest = ?');
    const addIdentity = db.prepare(
      'INSERT INTO identities (digest, rule, account, resource, subject) VALUES (?, ?, ?, ?, ?)',
    );
    // OR IGNORE: a report never lists one finding twice, but a hand-edited one might.
    const addPresence = db.prepare(
      'INSERT OR IGNORE INTO scan_findings (scan, identity, severity, state) VALUES (?, ?, ?, ?)',
    );
    const tallies = new Map<string, AccountTally>();
    for (const finding of record.findings) {
      const digest = Buffer.from(finding.id, 'hex');
      let identity = findIdentity.get(digest)?.id as SqlValue | undefined;
      if (identity === undefined) {
        identity = addIdentity.run(
          digest,
          interned.rule(finding.ruleId),
          interned.account(finding.accountId, finding.accountId),
          finding.resourceArn,
          finding.subject,
        ).lastInsertRowid;
      }
      addPresence.run(scanId, identity, SEVERITY_CODE[finding.severity], finding.waived ? 1 : 0);
      if (finding.waived) continue;
      let tally = tallies.get(finding.accountId);
      if (!tally) {
        tally = { keysOverLimit: 0, rootCredentials: false, open: [0, 0, 0, 0, 0] };
        tallies.set(finding.accountId, tally);
      }
      tally.open[SEVERITY_CODE[finding.severity]]! += 1;
      if (finding.ruleId === KEY_AGE_RULE) tally.keysOverLimit += 1;
      if (ROOT_CREDENTIAL_RULES.has(finding.ruleId)) tally.rootCredentials = true;
    }

    const addAccount = db.prepare(
      `INSERT INTO scan_accounts (scan, account, status, ou_path, iam_users, human_iam_users, identity_center_users,
         active_keys, keys_over_limit, root_credentials, critical, high, medium, low, info)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const listed = new Set<string>();
    for (const account of record.accounts) {
      listed.add(account.accountId);
      const tally = tallies.get(account.accountId);
      addAccount.run(
        scanId,
        interned.account(account.accountId, account.name),
        account.status,
        JSON.stringify(account.ouPath),
        account.iamUsers,
        account.humanIamUsers,
        account.identityCenterUsers,
        account.activeKeys,
        tally?.keysOverLimit ?? 0,
        tally?.rootCredentials ? 1 : 0,
        ...(tally?.open ?? [0, 0, 0, 0, 0]),
      );
    }
    // Findings on an account the scan's coverage does not list (none today): still counted somewhere.
    for (const [accountId, tally] of tallies) {
      if (listed.has(accountId)) continue;
      addAccount.run(
        scanId,
        interned.account(accountId, accountId),
        'unlisted',
        '[]',
        null,
        null,
        null,
        null,
        tally.keysOverLimit,
        tally.rootCredentials ? 1 : 0,
        ...tally.open,
      );
    }
    return scanId;
  });
}

/** Rule names and account ids as small integers (each stored once); account names kept up to date. */
function interner(history: HistoryFile) {
  const db = history.db;
  const rules = new Map<string, number>();
  const accounts = new Map<string, number>();
  const findRule = db.prepare('SELECT id FROM rules WHERE name = ?');
  const addRule = db.prepare('INSERT INTO rules (name) VALUES (?)');
  const findAccount = db.prepare('SELECT id, name FROM accounts WHERE account_id = ?');
  const addAccount = db.prepare('INSERT INTO accounts (account_id, name) VALUES (?, ?)');
  const renameAccount = db.prepare('UPDATE accounts SET name = ? WHERE id = ?');
  return {
    rule(name: string): number {
      let id = rules.get(name);
      if (id === undefined) {
        id = Number(findRule.get(name)?.id ?? addRule.run(name).lastInsertRowid);
        rules.set(name, id);
      }
      return id;
    },
    /** `name` is the account's name in this scan (the id itself when the scan does not name it). */
    account(accountId: string, name: string): number {
      let id = accounts.get(accountId);
      if (id !== undefined) return id;
      const row = findAccount.get(accountId);
      if (row) {
        id = Number(row.id);
        if (name !== accountId && row.name !== name) renameAccount.run(name, id);
      } else id = Number(addAccount.run(accountId, name).lastInsertRowid);
      accounts.set(accountId, id);
      return id;
    },
  };
}
