/**
 * The AWS SDK prints an eight-line NodeVersionSupportWarning on every run under Node.js < 22. It is a
 * maintenance notice for the people who build on the SDK, not for a keysweep user: hidden unless
 * `--verbose`. The SDK reads this variable when the first client is built, so this runs before that.
 * A value the user set themselves is left alone.
 */
export function hideSdkMaintenanceNotices(
  verbose: boolean | undefined,
  env: NodeJS.ProcessEnv = process.env,
): void {
  if (verbose) return;
  env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
}
