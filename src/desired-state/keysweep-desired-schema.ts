import { z } from 'zod';
import { policyDocumentSchema } from '../inventory/policy-document.js';

/**
 * keysweep's own desired-state file (YAML or JSON). Names, not ids: a team writes it by hand, and the
 * migration planner can write it, so the plan a team adopts becomes what CI checks. A permission set
 * listed here is declared whole: a policy list left out means "none".
 */
export const DESIRED_STATE_KIND = 'keysweep.desired-state';

const customerPolicySchema = z.strictObject({
  name: z.string().min(1),
  path: z.string().startsWith('/').default('/'),
});

const permissionSetSchema = z.strictObject({
  name: z.string().min(1),
  description: z.string().nullable().default(null),
  sessionDuration: z
    .string()
    .regex(/^PT(?=\d)(\d+H)?(\d+M)?(\d+S)?$/, 'must be an ISO-8601 duration such as PT8H')
    .default('PT1H'),
  managedPolicies: z.array(z.string().startsWith('arn:', 'must be a policy ARN')).default([]),
  customerManagedPolicies: z.array(customerPolicySchema).default([]),
  /** An IAM policy document, as an object or as the JSON string Terraform uses. */
  inlinePolicy: z.union([policyDocumentSchema, z.string()]).nullable().default(null),
  permissionsBoundary: z
    .union([
      z.strictObject({ managedPolicyArn: z.string().startsWith('arn:') }),
      z.strictObject({ customerManagedPolicy: customerPolicySchema }),
    ])
    .nullable()
    .default(null),
});

const targetsSchema = z
  .array(z.string().min(1))
  .min(1, 'name at least one account id, account name, OU id, OU path or "*"');

const assignmentSchema = z.union([
  z.strictObject({ permissionSet: z.string().min(1), group: z.string().min(1), targets: targetsSchema }),
  z.strictObject({ permissionSet: z.string().min(1), user: z.string().min(1), targets: targetsSchema }),
]);

export const desiredStateFileSchema = z.strictObject({
  kind: z.literal(DESIRED_STATE_KIND),
  version: z.literal(1),
  permissionSets: z.array(permissionSetSchema).default([]),
  assignments: z.array(assignmentSchema).default([]),
  identityStore: z
    .strictObject({
      groups: z
        .array(
          z.strictObject({
            name: z.string().min(1),
            description: z.string().nullable().optional(),
            /** User names; when present, the group's whole membership is compared. */
            members: z.array(z.string().min(1)).optional(),
          }),
        )
        .default([]),
      users: z
        .array(z.strictObject({ userName: z.string().min(1), displayName: z.string().nullable().optional() }))
        .default([]),
    })
    .optional(),
});
export type DesiredStateFile = z.infer<typeof desiredStateFileSchema>;

/** Published as schemas/desired-state.schema.json (a test fails when it is stale). */
export function desiredStateJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(desiredStateFileSchema, { io: 'input', unrepresentable: 'any' }) as Record<
    string,
    unknown
  >;
  return {
    $schema: schema.$schema,
    $id: 'https://github.com/keysweep/keysweep/blob/main/schemas/desired-state.schema.json',
    title: 'keysweep desired state (Identity Center permission sets, assignments, identity store)',
    ...Object.fromEntries(Object.entries(schema).filter(([key]) => key !== '$schema')),
  };
}
