import {
  GenerateCredentialReportCommand,
  GetCredentialReportCommand,
  type IAMClient,
} from '@aws-sdk/client-iam';
import { isErrorCode } from '../aws-error.js';

export interface CredentialReportPolling {
  /** First wait after IAM says the report is being generated; doubled on each further wait. */
  initialDelayMs: number;
  maxDelayMs: number;
  /** Give up (the slices that need the report fail) after this long. */
  timeLimitMs: number;
  sleep: (ms: number) => Promise<void>;
  clock: () => number;
}

export const DEFAULT_CREDENTIAL_REPORT_POLLING: CredentialReportPolling = {
  initialDelayMs: 1_000,
  maxDelayMs: 8_000,
  timeLimitMs: 120_000,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  clock: () => Date.now(),
};

export class CredentialReportTimeout extends Error {
  override readonly name = 'CredentialReportTimeout';
}

// Errors GetCredentialReport returns while a report is being (re)built.
const NOT_READY = [
  'ReportInProgress',
  'ReportNotPresent',
  'ReportExpired',
  'CredentialReportNotReadyException',
];

/**
 * Asks IAM for a fresh report, then reads it. While IAM is still building it, waits with exponential
 * backoff and reads again: one GenerateCredentialReport plus one GetCredentialReport per attempt, so an
 * account that answers at once costs two calls.
 */
export async function fetchCredentialReport(
  iam: IAMClient,
  polling: CredentialReportPolling = DEFAULT_CREDENTIAL_REPORT_POLLING,
): Promise<string> {
  const deadline = polling.clock() + polling.timeLimitMs;
  const generated = await iam.send(new GenerateCredentialReportCommand({}));
  let delay = polling.initialDelayMs;
  let ready = generated.State === 'COMPLETE';
  for (;;) {
    if (!ready) {
      if (polling.clock() + delay > deadline) {
        throw new CredentialReportTimeout(
          `the credential report was not ready after ${Math.round(polling.timeLimitMs / 1000)} s`,
        );
      }
      await polling.sleep(delay);
      delay = Math.min(delay * 2, polling.maxDelayMs);
    }
    try {
      const report = await iam.send(new GetCredentialReportCommand({}));
      if (report.ReportFormat && report.ReportFormat !== 'text/csv') {
        throw new Error(`unexpected credential report format ${report.ReportFormat}`);
      }
      return new TextDecoder().decode(report.Content ?? new Uint8Array());
    } catch (error) {
      if (!isErrorCode(error, ...NOT_READY)) throw error;
      ready = false;
    }
  }
}
