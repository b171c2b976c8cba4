import { IAMClient } from '@aws-sdk/client-iam';
import { collectAccountIam } from '../../../src/collectors/iam/collect-account-iam.js';
import { iamSliceSchema } from '../../../src/inventory/slice-group-schemas.js';
import { CALLER_CREDENTIALS, instantPolling } from './aws-test-doubles.js';
import { ACCOUNT } from './iam-mocks.js';

/**
 * The IAM slices of the test account as `collectAccountIam` reads them through a mocked IAMClient
 * (`mockClient(IAMClient)` in the test), validated by the slice schemas. iam.usage and the account
 * instances have collectors of their own.
 */
export async function collectIamSlice() {
  return iamSliceSchema.omit({ usage: true, identityCenterInstances: true }).parse(
    await collectAccountIam({
      iam: new IAMClient({ region: 'us-east-1', credentials: CALLER_CREDENTIALS }),
      accountId: ACCOUNT,
      partition: 'aws',
      polling: instantPolling(),
    }),
  );
}
