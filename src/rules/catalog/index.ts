import type { Rule } from '../define-rule.js';
import driftAssignmentNotApplied from './drift-assignment-not-applied.js';
import driftAssignmentNotDeclared from './drift-assignment-not-declared.js';
import driftIdentityStoreDiffers from './drift-identity-store-differs.js';
import driftPermissionSetChanged from './drift-permission-set-changed.js';
import driftPermissionSetMissing from './drift-permission-set-missing.js';
import driftPermissionSetNotDeclared from './drift-permission-set-not-declared.js';
import driftPrincipalMissing from './drift-principal-missing.js';
import iamAccessKeyMaxAge from './iam-access-key-max-age.js';
import iamAccessKeyNeverUsed from './iam-access-key-never-used.js';
import iamAdminUserFewServicesUsed from './iam-admin-user-few-services-used.js';
import iamBreakGlassUserHygiene from './iam-break-glass-user-hygiene.js';
import iamCloudshellFullAccess from './iam-cloudshell-full-access.js';
import iamConsoleUserWithoutMfa from './iam-console-user-without-mfa.js';
import iamCredentialsUnused from './iam-credentials-unused.js';
import iamFullAdminPrivileges from './iam-full-admin-privileges.js';
import iamHumanUserNotFederated from './iam-human-user-not-federated.js';
import iamMultipleActiveAccessKeys from './iam-multiple-active-access-keys.js';
import iamPasswordPolicyChangeDisallowed from './iam-password-policy-change-disallowed.js';
import iamPasswordPolicyComplexity from './iam-password-policy-complexity.js';
import iamPasswordPolicyExpiry from './iam-password-policy-expiry.js';
import iamPasswordPolicyMinLength from './iam-password-policy-min-length.js';
import iamPasswordPolicyReuse from './iam-password-policy-reuse.js';
import iamPermissionsUnused from './iam-permissions-unused.js';
import iamPolicyServiceWildcard from './iam-policy-service-wildcard.js';
import iamRoleExternalTrustWithoutExternalId from './iam-role-external-trust-without-external-id.js';
import iamRoleOidcTrustWithoutSubject from './iam-role-oidc-trust-without-subject.js';
import iamRoleUnused from './iam-role-unused.js';
import iamSamlDirectFederation from './iam-saml-direct-federation.js';
import iamSupportRoleMissing from './iam-support-role-missing.js';
import iamUserAssumesCrossAccountRoles from './iam-user-assumes-cross-account-roles.js';
import iamUserDirectPolicies from './iam-user-direct-policies.js';
import iamUserDuplicatesIdentityCenterAccess from './iam-user-duplicates-identity-center-access.js';
import iamUserPasswordAndAccessKey from './iam-user-password-and-access-key.js';
import iamUserServiceSpecificCredential from './iam-user-service-specific-credential.js';
import iamUserSigningCertificate from './iam-user-signing-certificate.js';
import iamUserSshPublicKey from './iam-user-ssh-public-key.js';
import iamUserWithoutMfa from './iam-user-without-mfa.js';
import iamWorkloadUserStaticKeys from './iam-workload-user-static-keys.js';
import rootAccessKeysExist from './root-access-keys-exist.js';
import rootHardwareMfaMissing from './root-hardware-mfa-missing.js';
import rootMemberCredentialsPresent from './root-member-credentials-present.js';
import rootMfaDisabled from './root-mfa-disabled.js';
import rootUsedRecently from './root-used-recently.js';
import ssoAccountInstance from './sso-account-instance.js';
import ssoAccountWithoutAssignments from './sso-account-without-assignments.js';
import ssoAdminPermissionSetAssignedToUser from './sso-admin-permission-set-assigned-to-user.js';
import ssoApplicationAssignmentNotRequired from './sso-application-assignment-not-required.js';
import ssoAssignmentOrphanedPrincipal from './sso-assignment-orphaned-principal.js';
import ssoGroupEmptyWithAssignments from './sso-group-empty-with-assignments.js';
import ssoIdentityStoreLocalPrincipal from './sso-identity-store-local-principal.js';
import ssoInlinePolicyAdmin from './sso-inline-policy-admin.js';
import ssoInstanceMissing from './sso-instance-missing.js';
import ssoPermissionSetIdleInAccount from './sso-permission-set-idle-in-account.js';
import ssoPermissionSetOutdated from './sso-permission-set-outdated.js';
import ssoPermissionSetPolicyDiffers from './sso-permission-set-policy-differs.js';
import ssoPermissionSetPolicyMissing from './sso-permission-set-policy-missing.js';
import ssoPermissionSetUnused from './sso-permission-set-unused.js';
import ssoSessionDurationTooLong from './sso-session-duration-too-long.js';
import ssoTrustedTokenIssuer from './sso-trusted-token-issuer.js';
import ssoUserWithoutAccess from './sso-user-without-access.js';

/** The catalogue: an explicit list, as ESLint keeps one. A repo-wide test checks each has a test and docs. */
export const ALL_RULES: readonly Rule[] = [
  driftAssignmentNotApplied,
  driftAssignmentNotDeclared,
  driftIdentityStoreDiffers,
  driftPermissionSetChanged,
  driftPermissionSetMissing,
  driftPermissionSetNotDeclared,
  driftPrincipalMissing,
  iamAccessKeyMaxAge,
  iamAccessKeyNeverUsed,
  iamAdminUserFewServicesUsed,
  iamBreakGlassUserHygiene,
  iamCloudshellFullAccess,
  iamConsoleUserWithoutMfa,
  iamCredentialsUnused,
  iamFullAdminPrivileges,
  iamHumanUserNotFederated,
  iamMultipleActiveAccessKeys,
  iamPasswordPolicyComplexity,
  iamPasswordPolicyChangeDisallowed,
  iamPasswordPolicyExpiry,
  iamPasswordPolicyMinLength,
  iamPasswordPolicyReuse,
  iamPermissionsUnused,
  iamPolicyServiceWildcard,
  iamRoleExternalTrustWithoutExternalId,
  iamRoleOidcTrustWithoutSubject,
  iamRoleUnused,
  iamSamlDirectFederation,
  iamSupportRoleMissing,
  iamUserAssumesCrossAccountRoles,
  iamUserDirectPolicies,
  iamUserDuplicatesIdentityCenterAccess,
  iamUserPasswordAndAccessKey,
  iamUserServiceSpecificCredential,
  iamUserSigningCertificate,
  iamUserSshPublicKey,
  iamUserWithoutMfa,
  iamWorkloadUserStaticKeys,
  rootAccessKeysExist,
  rootHardwareMfaMissing,
  rootMemberCredentialsPresent,
  rootMfaDisabled,
  rootUsedRecently,
  ssoAccountInstance,
  ssoAccountWithoutAssignments,
  ssoAdminPermissionSetAssignedToUser,
  ssoApplicationAssignmentNotRequired,
  ssoAssignmentOrphanedPrincipal,
  ssoGroupEmptyWithAssignments,
  ssoIdentityStoreLocalPrincipal,
  ssoInlinePolicyAdmin,
  ssoInstanceMissing,
  ssoPermissionSetIdleInAccount,
  ssoPermissionSetOutdated,
  ssoPermissionSetPolicyDiffers,
  ssoPermissionSetPolicyMissing,
  ssoPermissionSetUnused,
  ssoSessionDurationTooLong,
  ssoUserWithoutAccess,
  ssoTrustedTokenIssuer,
] as Rule[];
