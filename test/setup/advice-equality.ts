import { expect } from 'vitest';
import { RuleStepsAdvice } from '../../src/findings/fill-fix-steps.js';

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
