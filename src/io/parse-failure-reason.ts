/**
 * Why a JSON or YAML parser refused a text, in one short line. The yaml parser recurses, so hostile
 * nesting (thousands of `[` or `{`) reaches it as a stack overflow: that is said in words, not as
 * "Maximum call stack size exceeded" and a column.
 */
export function parseFailureReason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof RangeError || /Maximum call stack size exceeded/.test(message))
    return 'nested too deeply to be read';
  return message.replace(/\s+/g, ' ').slice(0, 200);
}
