import { createHash } from 'node:crypto';
import { hclComment, hclString } from '../../io/text/hcl-text.js';
import { type IdentifierFn, withUniqueIdentifiers } from '../../io/text/unique-identifiers.js';

/**
 * A small HCL writer: enough for the blocks the kit emits, producing files a reviewer reads (aligned,
 * two-space indents, policies as jsonencode objects rather than escaped JSON strings).
 */
export type HclValue = string | number | boolean | null | HclExpr | HclValue[] | { [key: string]: HclValue };

/** An unquoted expression: a reference (`aws_x.y.arn`) or a function call. */
export interface HclExpr {
  expr: string;
}
export const ref = (expr: string): HclExpr => ({ expr });

export interface HclBlock {
  type: string;
  labels: string[];
  /** Comment lines printed above the block. */
  comments?: string[];
  attributes: Array<[string, HclValue]>;
  blocks?: HclBlock[];
}

export function block(
  type: string,
  labels: string[],
  attributes: Array<[string, HclValue]>,
  extra: { comments?: string[]; blocks?: HclBlock[] } = {},
): HclBlock {
  return { type, labels, attributes, ...extra };
}

function isExpr(value: HclValue): value is HclExpr {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && 'expr' in value;
}

/** Terraform strings: see hclString (one escaper for every quoted string the kit writes). */
export const quote = hclString;

function renderValue(value: HclValue, indent: string): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return quote(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (isExpr(value)) return value.expr;
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    if (value.every((v) => typeof v !== 'object' || v === null || isExpr(v)))
      return `[${value.map((v) => renderValue(v, inner)).join(', ')}]`;
    return `[\n${value.map((v) => `${inner}${renderValue(v, inner)},`).join('\n')}\n${indent}]`;
  }
  const entries = Object.entries(value);
  if (entries.length === 0) return '{}';
  const width = Math.max(...entries.map(([k]) => objectKey(k).length));
  return `{\n${entries
    .map(([k, v]) => `${inner}${objectKey(k).padEnd(width)} = ${renderValue(v, inner)}`)
    .join('\n')}\n${indent}}`;
}

function objectKey(key: string): string {
  return /^[A-Za-z_][\w-]*$/.test(key) ? key : quote(key);
}

export function renderBlock(b: HclBlock, indent = ''): string {
  const lines: string[] = (b.comments ?? []).map((c) => `${indent}# ${hclComment(c)}`);
  const header = [b.type, ...b.labels.map(quote)].join(' ');
  lines.push(`${indent}${header} {`);
  const inner = `${indent}  `;
  const width = Math.max(0, ...b.attributes.map(([k]) => k.length));
  for (const [key, value] of b.attributes)
    lines.push(`${inner}${key.padEnd(width)} = ${renderValue(value, inner)}`);
  for (const child of b.blocks ?? []) {
    if (b.attributes.length > 0 || child !== b.blocks?.[0]) lines.push('');
    lines.push(renderBlock(child, inner));
  }
  lines.push(`${indent}}`);
  return lines.join('\n');
}

export function renderFile(headerComments: string[], blocks: HclBlock[]): string {
  const header = headerComments.map((c) => `# ${hclComment(c)}`).join('\n');
  return `${[header, ...blocks.map((b) => renderBlock(b))].filter(Boolean).join('\n\n')}\n`;
}

/**
 * Renders one Terraform module with identifiers checked unique per block type: names that would map to
 * the same identifier (`ci-deploy-0`, `ci.deploy.0`) each get a short stable hash suffix instead.
 */
export function inModule<T>(render: (id: IdentifierFn) => T): T {
  return withUniqueIdentifiers((parts) => tfName(...parts.map((p) => p.split(HIDDEN)[0] ?? p)), render);
}

const HIDDEN = '\u0000';
/**
 * A part shown as `shown` in the identifier but told apart by `key` (a policy shown by its name, keyed by
 * its ARN): two different keys that show the same get suffixes, never one identifier.
 */
export const keyed = (shown: string, key: string): string => `${shown}${HIDDEN}${key}`;
export type { IdentifierFn };

/** A stable Terraform identifier from any name: the same name always gives the same identifier. */
export function tfName(...parts: string[]): string {
  const name = parts
    .join('_')
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, '_')
    .replace(/_+/g, '_')
    .replace(/^_|_$/g, '');
  const valid = /^[a-z_]/.test(name) ? name : `n_${name}`;
  // A long name (a hostile display name) stays readable: its start and a hash of the whole.
  if (valid.length <= MAX_IDENTIFIER) return valid;
  const hash = createHash('sha256').update(valid).digest('hex').slice(0, 8);
  return `${valid.slice(0, MAX_IDENTIFIER - 9).replace(/_+$/, '')}_${hash}`;
}
const MAX_IDENTIFIER = 64;
