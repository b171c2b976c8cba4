import type { FixSteps } from '../../../findings/finding.js';

/** Assigning a virtual MFA device to an IAM user: the same fix for console users and for all users. */
export const ASSIGN_USER_MFA_FIX: FixSteps = {
  console: ['IAM console → Users → the user → Security credentials → Assign MFA device'],
  cli: [
    'aws iam create-virtual-mfa-device --virtual-mfa-device-name <user> --outfile <user>.png --bootstrap-method QRCodePNG',
    'aws iam enable-mfa-device --user-name <user> --serial-number <mfa-arn> --authentication-code1 <code1> --authentication-code2 <code2>',
  ],
};
