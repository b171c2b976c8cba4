import { describeAwsError } from '../collectors/aws-error.js';

const NO_CREDENTIALS = /Could not load credentials|Unable to load credentials|credentials? (is|are) missing/i;
const EXPIRED_SSO = /SSO session .*(expired|invalid)|Token is expired|token.*has expired|refresh.*token/i;

/**
 * One line for a live scan that could not start. The SDK's own words for missing or expired credentials
 * ("Could not load credentials from any providers") do not say what to do; this line does.
 */
export function describeLiveStartFailure(error: unknown): string {
  const { code, message } = describeAwsError(error);
  if (NO_CREDENTIALS.test(message) || code === 'CredentialsProviderError') {
    return (
      `no AWS credentials found (${message}): sign in with \`aws sso login --profile NAME\` and pass ` +
      '--profile NAME (or set AWS_PROFILE), or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY; see docs/live-scan.md'
    );
  }
  if (EXPIRED_SSO.test(message) || code === 'TokenProviderError') {
    return `AWS sign-in expired (${message}): run \`aws sso login\` (with --profile NAME if you use one) and try again`;
  }
  return `cannot start the live scan: ${code}: ${message}`;
}
