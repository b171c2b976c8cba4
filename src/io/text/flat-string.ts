/**
 * The same text as one flat string. A message built by a template literal is a tree of concatenations
 * (32 bytes a node, plus number-to-string pieces): ~350 bytes for a 95-character finding message where
 * the flat text takes ~110. With ~4 findings per IAM user held until the reports are written, that was
 * ~80 MB at 100k users. Matching a regular expression makes V8 flatten the tree in place (the tree's root
 * then points at one fresh sequential copy, and the next garbage collection drops the root): 109 bytes a
 * message, as with the JSON round trip this replaced, at a third of its time (measured on Node 20, 400k
 * messages). Nothing is encoded, so lone surrogates stay as they are; short strings are never trees.
 */
export function flatString(text: string): string {
  if (text.length >= 13) FLATTENS.test(text);
  return text;
}

/** Any pattern flattens its subject; a noncharacter (U+FFFF) keeps the (legacy, global) last match unset. */
const FLATTENS = /\uffff/;
