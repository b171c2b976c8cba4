import { SEVERITIES, type Severity } from '../findings/severity.js';
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

    // Findings go to a temporary table in multi-row inserts, then into the history in two set-wise
    // statements: one call per finding into SQLite was most of the time of recording a large scan.
    db.exec(
      'CREATE TEMP TABLE IF NOT EXISTS incoming (digest BLOB, rule INTEGER, account INTEGER, resource TEXT, subject TEXT, severity INTEGER, state INTEGER); DELETE FROM incoming',
    );
    const batch = new IncomingBatch(history);
    const tallies = new Map<string, AccountTally>();
    for (const finding of record.findings) {
      batch.add(
        Buffer.from(finding.id, 'hex'),
        interned.rule(finding.ruleId),
        interned.account(finding.accountId, finding.accountId),
        finding.resourceArn,
        finding.subject,
        SEVERITY_CODE[finding.severity],
        finding.waived ? 1 : 0,
      );
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
    batch.flush();
    db.exec(
      'INSERT INTO identities (digest, rule, account, resource, subject) SELECT digest, rule, account, resource, subject FROM incoming WHERE true ON CONFLICT (digest) DO NOTHING',
    );
    // OR IGNORE: a report never lists one finding twice, but a hand-edited one might.
    db.prepare(
      'INSERT OR IGNORE INTO scan_findings (scan, identity, severity, state) SELECT ?, i.id, n.severity, n.state FROM incoming n JOIN identities i ON i.digest = n.digest ORDER BY i.id',
    ).run(scanId);
    db.exec('DELETE FROM incoming');

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

const BATCH_ROWS = 256;
const COLUMNS = 7;

/** Rows for the temporary table, inserted BATCH_ROWS at a time by one statement. */
class IncomingBatch {
  readonly #values: SqlValue[] = [];
  readonly #full: ReturnType<HistoryFile['db']['prepare']>;

  constructor(private readonly history: HistoryFile) {
    this.#full = history.db.prepare(insertRows(BATCH_ROWS));
  }

  add(...row: SqlValue[]): void {
    this.#values.push(...row);
    if (this.#values.length === BATCH_ROWS * COLUMNS) {
      this.#full.run(...this.#values);
      this.#values.length = 0;
    }
  }

  flush(): void {
    if (this.#values.length === 0) return;
    this.history.db.prepare(insertRows(this.#values.length / COLUMNS)).run(...this.#values);
    this.#values.length = 0;
  }
}

function insertRows(rows: number): string {
  const row = `(${Array(COLUMNS).fill('?').join(',')})`;
  return `INSERT INTO incoming VALUES ${Array(rows).fill(row).join(',')}`;
}
