import { z } from 'zod';
import { permissionSetNameForRole } from '../../knowledge/permission-set-name.js';
import {
  isIdentityCenterSamlProvider,
  isSamlGrant,
  roleKind,
  trustGrants,
} from '../../knowledge/role-trust.js';
import { defineRule } from '../define-rule.js';

export default defineRule({
  id: 'iam-saml-direct-federation',
  title: 'Identity provider federated straight into IAM instead of IAM Identity Center',
  severity: 'medium',
  messages: {
    leftover: 'SAML provider {providerName} is trusted by no role: it is a leftover, delete it.',
    federatesIntoIam:
      'SAML provider {providerName} federates people straight into IAM through {roleCount} role(s): {roles}.',
  },
  scope: 'account',
  resourceType: 'AWS::IAM::SAMLProvider',
  requires: ['iam.identityProviders', 'iam.roles'],
  options: z.object({}),
  rationale:
    'A SAML provider per account with its own roles means the IdP connection, role mapping and session rules are ' +
    'kept in every account separately: there is no central view of who can reach which account, and each new ' +
    'account needs the setup again. Identity Center connects the IdP once for the whole organization.',
  remediation: {
    console: [
      'IAM Identity Center → Settings → Identity source → change to your external IdP (SAML 2.0, SCIM for users and groups)',
      'Create one permission set per role the IdP maps to, assign the IdP groups to the accounts',
      'After people sign in through the access portal: remove the IdP apps for the account, then the roles and the SAML provider',
    ],
    cli: [
      'aws sso-admin create-permission-set --instance-arn <instance-arn> --name <role-name>',
      'aws iam delete-saml-provider --saml-provider-arn <provider-arn>   # after the roles are gone',
    ],
  },
  migration:
    'Each role the SAML provider can assume becomes an Identity Center permission set with the same policies; ' +
    'the IdP groups that mapped to the role become the groups assigned to the account with that permission set.',
  references: [
    'https://docs.aws.amazon.com/singlesignon/latest/userguide/manage-your-identity-source-idp.html',
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_providers_saml.html',
  ],
  evaluate({ slice, fail }) {
    const roles = slice('iam.roles').filter((role) => roleKind(role) === 'customer');
    for (const provider of slice('iam.identityProviders').saml) {
      // Identity Center's own provider is the target of the migration, not a finding.
      if (isIdentityCenterSamlProvider(provider.name)) continue;
      const federated = roles.filter((role) =>
        trustGrants(role).some((grant) => isSamlGrant(grant) && grant.principal === provider.arn),
      );
      const names = federated.map((role) => role.roleName);
      const mapping = names.map((name) => `${name} → permission set ${permissionSetNameForRole(name)}`);
      fail(provider.arn, {
        severity: federated.length === 0 ? 'low' : undefined,
        ...(federated.length === 0
          ? { messageId: 'leftover', data: { providerName: provider.name } }
          : {
              messageId: 'federatesIntoIam',
              data: { providerName: provider.name, roleCount: names.length, roles: names.join(', ') },
            }),
        details: { roles: names.join(', '), roleCount: names.length },
        advice: {
          migration: {
            kind: 'human-to-identity-center',
            summary:
              federated.length === 0
                ? `Delete the unused SAML provider ${provider.name}.`
                : `Connect the IdP behind ${provider.name} to IAM Identity Center; the roles become permission sets: ${mapping.join('; ')}.`,
            steps: [
              'Set the IdP as the Identity Center identity source (SAML + SCIM)',
              ...mapping.map(
                (line) => `Create ${line.split(' → ')[1]} with the policies of role ${line.split(' → ')[0]}`,
              ),
              'Assign the IdP groups that mapped to each role to this account with the new permission set',
              `Then delete the roles and the SAML provider: aws iam delete-saml-provider --saml-provider-arn ${provider.arn}`,
            ],
          },
        },
      });
    }
  },
});
