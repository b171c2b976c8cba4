import { z } from 'zod';

/** One region of a multi-Region Identity Center instance (sso:ListRegions). */
export const identityCenterRegionSchema = z.object({
  regionName: z.string(),
  /** ACTIVE, ADDING, REMOVING (null when the API did not say). */
  status: z.string().nullable(),
  addedDate: z.string().nullable(),
  /** The primary region: where the instance was enabled and where it is administered. */
  primary: z.boolean(),
});
export type IdentityCenterRegion = z.infer<typeof identityCenterRegionSchema>;
