import { expect } from 'vitest';
import { RuleStepsAdvice } from '../../src/findings/fill-fix-steps.js';
import { SpooledFinding } from '../../src/report/spool/spooled-findings.js';

/*
 * Advice with its rule's steps (RuleStepsAdvice) computes `fixNow` in a getter of its class, so deep equality,
 * which compares own properties, would not see the steps. Compared here in the plain form JSON writes (the
 * form every reader of a report sees): advice made either way is equal when its summary, steps and
 * migration are.
 */
expect.addEqualityTesters([
  function adviceEquality(a: unknown, b: unknown, testers) {
    if (!(a instanceof RuleStepsAdvice) && !(b instanceof RuleStepsAdvice)) return undefined;
    const plain = (value: unknown) => (value instanceof RuleStepsAdvice ? value.toJSON() : value);
    return this.equals(plain(a), plain(b), testers);
  },
]);

/*
 * A finding read back from a spool (SpooledFinding) keeps its id, message, advice and details in getters of
 * its class: compared in its plain form (toJSON, the finding as the engine made it).
 */
expect.addEqualityTesters([
  function spooledFindingEquality(a: unknown, b: unknown, testers) {
    if (!(a instanceof SpooledFinding) && !(b instanceof SpooledFinding)) return undefined;
    const plain = (value: unknown) => (value instanceof SpooledFinding ? value.toJSON() : value);
    return this.equals(plain(a), plain(b), testers);
  },
]);
