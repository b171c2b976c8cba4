/** The account id field of an ARN (arn:partition:service:region:account:resource), '' when none. */
export function accountOfArn(arn: string): string {
  let at = 0;
  for (let field = 0; field < 4; field += 1) {
    at = arn.indexOf(':', at) + 1;
    if (at === 0) return '';
  }
  const end = arn.indexOf(':', at);
  return end < 0 ? '' : arn.slice(at, end);
}
