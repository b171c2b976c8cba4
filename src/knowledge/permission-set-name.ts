/** A permission set name for a role that becomes one: Identity Center allows [\w+=,.@-], 1–32 characters. */
export function permissionSetNameForRole(roleName: string): string {
  const cleaned = roleName.replace(/[^\w+=,.@-]/g, '-').slice(0, 32);
  return cleaned || 'MigratedRole';
}
