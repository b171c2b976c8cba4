/**
 * How deep a value nests (a scalar is 0, `{}` or `[]` is 1), measured without recursion and stopping as
 * soon as `limit` is passed. IAM caps a policy at a few kilobytes and a real one nests about seven levels
 * (Statement → statement → Condition → operator → key → values); every walk over a policy (canonical
 * form for drift, hashes, wildcard checks) is recursive, so a document nested thousands of levels deep is
 * refused where it is read instead of overflowing the stack of whichever walk meets it first.
 */
export const MAX_POLICY_NESTING = 64;

export function nestingDepthExceeds(value: unknown, limit: number): boolean {
  const stack: Array<{ value: unknown; depth: number }> = [{ value, depth: 0 }];
  while (stack.length > 0) {
    const { value: current, depth } = stack.pop()!;
    if (current === null || typeof current !== 'object') continue;
    if (depth + 1 > limit) return true;
    for (const child of Object.values(current)) stack.push({ value: child, depth: depth + 1 });
  }
  return false;
}
