import { z } from 'zod';

/** Whether the organization has centralized root access (IAM's organization features) turned on. */
export const centralizedRootAccessSchema = z.object({
  rootCredentialsManagement: z.boolean(),
  rootSessions: z.boolean(),
});
