import type {
  ListServiceSpecificCredentialsResponse,
  ListSigningCertificatesResponse,
  ListSSHPublicKeysResponse,
  ServiceSpecificCredentialMetadata,
  SigningCertificate,
  SSHPublicKeyMetadata,
} from '@aws-sdk/client-iam';
import { describe, expect, it } from 'vitest';
import type { IamSlice } from '../../src/inventory/iam-schema.js';
import { deleteUserCommands } from '../../src/migration-kit/runbook/delete-user-commands.js';
import { demoKit } from './support/kit.js';

/**
 * Each long-lived credential kind the inventory holds (issue 24: slices iam.sshPublicKeys,
 * iam.signingCertificates, iam.serviceCredentials) and how the runbook lists and deletes it. The list and
 * id fields are typed against the SDK's response shapes, so a misspelled --query fails tsc.
 */
const KINDS: Record<
  keyof Pick<IamSlice, 'signingCertificates' | 'sshPublicKeys' | 'serviceCredentials'>,
  { list: string; query: string; remove: string }
> = {
  signingCertificates: {
    list: 'list-signing-certificates',
    query: `${'Certificates' satisfies keyof ListSigningCertificatesResponse}[].${'CertificateId' satisfies keyof SigningCertificate}`,
    remove: 'delete-signing-certificate',
  },
  sshPublicKeys: {
    list: 'list-ssh-public-keys',
    query: `${'SSHPublicKeys' satisfies keyof ListSSHPublicKeysResponse}[].${'SSHPublicKeyId' satisfies keyof SSHPublicKeyMetadata}`,
    remove: 'delete-ssh-public-key',
  },
  serviceCredentials: {
    list: 'list-service-specific-credentials',
    query: `${'ServiceSpecificCredentials' satisfies keyof ListServiceSpecificCredentialsResponse}[].${'ServiceSpecificCredentialId' satisfies keyof ServiceSpecificCredentialMetadata}`,
    remove: 'delete-service-specific-credential',
  },
};
/** The IAM User Guide's order: password, access keys, signing certificates, SSH keys, service credentials. */
const AWS_ORDER = ['signingCertificates', 'sshPublicKeys', 'serviceCredentials'] as const;

describe('the user clean-up deletes every long-lived credential kind the inventory has (issue 24)', () => {
  it('lists each kind at run time and deletes it before delete-user, in AWS order', () => {
    const commands = deleteUserCommands({ userName: 'bob' });
    const deleteUser = commands.findIndex((c) => c.startsWith('aws iam delete-user '));
    const positions = AWS_ORDER.map((kind) => {
      const { list, query, remove } = KINDS[kind];
      return commands.findIndex(
        (c) =>
          c.includes(`aws iam ${list} --user-name bob --query '${query}' --output text`) &&
          c.includes(`aws iam ${remove} --user-name bob`),
      );
    });
    expect(positions.every((p) => p > commands.findIndex((c) => c.includes('delete-access-key')))).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(Math.max(...positions)).toBeLessThan(deleteUser);
    expect(deleteUser).toBe(commands.length - 1);
  });

  it('in the demo runbook, every user holding such a credential has it deleted in the block that deletes the user', async () => {
    const { snapshot, files } = await demoKit();
    const md = files.find((f) => f.path === 'runbook.md')!.content;
    const blocks = md.split('```').filter((_, i) => i % 2 === 1);
    const checked = new Set<string>();
    for (const account of snapshot.accounts)
      for (const kind of AWS_ORDER) {
        const slice = account.iam[kind];
        if (slice.status !== 'ok') continue;
        for (const credential of slice.data) {
          const block = blocks.find((b) =>
            b.includes(`aws iam delete-user --user-name ${credential.userName}\n`),
          );
          if (!block) continue;
          const { remove } = KINDS[kind];
          const at = block.indexOf(`aws iam ${remove} --user-name ${credential.userName} `);
          expect(at).toBeGreaterThan(-1);
          expect(at).toBeLessThan(block.indexOf(`aws iam delete-user --user-name ${credential.userName}`));
          checked.add(kind);
        }
      }
    // The demo holds each kind on users the runbook deletes (bob.dev6's SSH key, ci-deploy-7's credentials, …).
    expect([...checked].sort()).toEqual([...AWS_ORDER].sort());
  });
});
