import { parse } from '@cdktf/hcl2json';
import { expect } from 'vitest';
import type { PolicyDocument } from '../../../src/inventory/policy-document.js';

/** The policy document of a `jsonencode({...})` expression, read back by the HCL parser itself. */
export async function jsonencoded(expression: unknown): Promise<PolicyDocument> {
  const text = String(expression);
  expect(text.startsWith('${jsonencode(') && text.endsWith(')}'), text.slice(0, 40)).toBe(true);
  const parsed = (await parse('p.tf', `locals {\n  p = ${text.slice(13, -2)}\n}\n`)) as {
    locals: Array<{ p: PolicyDocument }>;
  };
  return parsed.locals[0]!.p;
}
