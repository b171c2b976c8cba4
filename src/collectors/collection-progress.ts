/** What the crawl tells whoever shows progress; the CLI renders it, tests record it. */
export interface CollectionProgress {
  /** concurrency: accounts crawled at once, so the ETA can divide the remaining work among them. */
  begin(totalAccounts: number, concurrency?: number): void;
  accountDone(result: AccountProgress): void;
  /** Something worth knowing that is not an account result (an emulator gap, a slow report). */
  note(message: string): void;
  end(): void;
}

export interface AccountProgress {
  accountId: string;
  name: string;
  outcome: 'complete' | 'partial' | 'failed' | 'skipped';
  /** IAM and STS calls made for this account (AssumeRole included). */
  calls: number;
  /** Wall time the account took (crawled accounts only): the ETA is estimated from these. */
  durationMs?: number;
  detail?: string;
}

export const silentProgress: CollectionProgress = {
  begin() {},
  accountDone() {},
  note() {},
  end() {},
};
