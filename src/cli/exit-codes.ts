import { isAtLeast, type Severity } from '../findings/severity.js';
import { someFinding } from '../report/model/finding-list.js';
import type { ReportModel } from '../report/model/report-model.js';

/** 70 (EX_SOFTWARE in sysexits.h): an unexpected crash, i.e. a keysweep bug, never a user error. */
export const EXIT = { ok: 0, findings: 1, usage: 2, incomplete: 3, internal: 70 } as const;

export type FailOn = Severity | 'none';

/**
 * 3 wins over 1: an incomplete scan cannot vouch for what it did not see, so CI must notice it even when
 * findings also exist. Waived findings and (with failOnNew) findings already in the baseline never fail.
 */
export function exitCodeFor(model: ReportModel, failOn: FailOn, failOnNew: boolean): number {
  if (!model.scan.complete) return EXIT.incomplete;
  if (failOn === 'none') return EXIT.ok;
  const failing = someFinding(
    model.findings,
    (f) =>
      !f.waiver &&
      f.baselineState !== 'absent' &&
      (!failOnNew || f.baselineState === 'new') &&
      isAtLeast(f.severity, failOn),
  );
  return failing ? EXIT.findings : EXIT.ok;
}
