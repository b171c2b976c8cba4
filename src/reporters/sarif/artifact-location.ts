/**
 * GitHub code scanning needs a relative file-like location for every result, and it fingerprints
 * per path. AWS resources have no file, so an ARN is mapped to a stable pseudo-path:
 * `arn:aws:iam::123456789012:user/ci/deployer` → `aws/123456789012/global/iam/user/ci/deployer`.
 */
export function artifactUriForArn(resourceArn: string, fallbackAccountId: string): string {
  const parts = resourceArn.split(':');
  if (parts.length < 6 || parts[0] !== 'arn') {
    return ['aws', fallbackAccountId, 'global', 'unknown', ...pathSegments(resourceArn)].join('/');
  }
  const [, , service = 'unknown', region = '', account = '', ...rest] = parts;
  const resource = rest.join(':');
  return [
    'aws',
    account || fallbackAccountId,
    region || 'global',
    service,
    ...pathSegments(resource.replace(/:/g, '/')),
  ].join('/');
}

function pathSegments(value: string): string[] {
  const segments = value
    .split('/')
    .filter((s) => s.length > 0)
    .map((s) => encodeURIComponent(s));
  return segments.length > 0 ? segments : ['resource'];
}
