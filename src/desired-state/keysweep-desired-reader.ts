import { policyDocumentProblem, policyDocumentSchema } from '../inventory/policy-document.js';
import { describeZodError, InputError } from '../io/input-error.js';
import { type AssignmentTarget, type DeclaredDocument, emptyDocument } from './desired-state-model.js';
import { DESIRED_STATE_KIND, desiredStateFileSchema } from './keysweep-desired-schema.js';

export function looksLikeKeysweepDesiredState(data: Record<string, unknown>): boolean {
  return data.kind === DESIRED_STATE_KIND;
}

export function readKeysweepDesiredState(file: string, data: Record<string, unknown>): DeclaredDocument {
  const result = desiredStateFileSchema.safeParse(data);
  if (!result.success) throw new InputError(describeZodError(file, result.error));
  const parsed = result.data;
  const doc = emptyDocument(file, 'keysweep-yaml');
  parsed.permissionSets.forEach((set, i) => {
    const entry = `permissionSets.${i} (${set.name})`;
    const inline =
      typeof set.inlinePolicy === 'string' ? parseInline(file, entry, set.inlinePolicy) : set.inlinePolicy;
    const boundary = set.permissionsBoundary;
    doc.permissionSets.push({
      source: { file, entry },
      arn: null,
      name: set.name,
      description: set.description,
      sessionDuration: set.sessionDuration,
      managedPolicyArns: set.managedPolicies,
      customerManagedPolicies: set.customerManagedPolicies,
      inlinePolicy: inline,
      permissionsBoundary: boundary
        ? 'managedPolicyArn' in boundary
          ? { managedPolicyArn: boundary.managedPolicyArn, customerManagedPolicy: null }
          : { managedPolicyArn: null, customerManagedPolicy: boundary.customerManagedPolicy }
        : null,
    });
  });
  parsed.assignments.forEach((assignment, i) => {
    const isGroup = 'group' in assignment;
    const principalName = isGroup ? assignment.group : assignment.user;
    doc.assignments.push({
      source: { file, entry: `assignments.${i} (${assignment.permissionSet} → ${principalName})` },
      permissionSet: { name: assignment.permissionSet },
      principalType: isGroup ? 'GROUP' : 'USER',
      principal: { name: principalName },
      targets: assignment.targets.map(targetOf),
    });
  });
  const store = parsed.identityStore;
  store?.groups.forEach((group, i) => {
    const source = { file, entry: `identityStore.groups.${i} (${group.name})` };
    doc.groups.push({
      source,
      group: { name: group.name },
      displayName: group.name,
      ...(group.description !== undefined ? { description: group.description } : {}),
    });
    if (group.members) {
      doc.membershipDeclaredForGroups.push({ name: group.name });
      for (const member of group.members)
        doc.memberships.push({ source, group: { name: group.name }, user: { name: member } });
    }
  });
  store?.users.forEach((user, i) => {
    doc.users.push({
      source: { file, entry: `identityStore.users.${i} (${user.userName})` },
      user: { name: user.userName },
      userName: user.userName,
      ...(user.displayName !== undefined ? { displayName: user.displayName } : {}),
    });
  });
  return doc;
}

function targetOf(value: string): AssignmentTarget {
  if (value === '*') return { kind: 'all' };
  if (/^\d{12}$/.test(value)) return { kind: 'account-id', value };
  if (/^(ou-[0-9a-z]+-[0-9a-z]+|r-[0-9a-z]+)$/.test(value)) return { kind: 'ou-id', value };
  return { kind: 'name', value };
}

function parseInline(file: string, entry: string, json: string) {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    throw new InputError(`${file}: ${entry}: inlinePolicy: not valid JSON`);
  }
  const result = policyDocumentSchema.safeParse(data);
  if (!result.success)
    throw new InputError(`${file}: ${entry}: inlinePolicy: ${policyDocumentProblem(result.error)}`);
  return result.data;
}
