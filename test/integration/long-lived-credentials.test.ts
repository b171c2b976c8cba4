import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  UpdateSSHPublicKeyCommand,
  UploadSigningCertificateCommand,
  UploadSSHPublicKeyCommand,
} from '@aws-sdk/client-iam';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadSnapshot } from '../../src/inventory/snapshot-file.js';
import type { Account, Snapshot } from '../../src/inventory/snapshot-schema.js';
import {
  buildMotoOrganization,
  iamClientIn,
  type MotoOrganization,
} from './support/build-moto-organization.js';
import { runKeysweepProcess } from './support/run-keysweep-process.js';
import { TEST_SIGNING_CERTIFICATE } from './support/test-signing-certificate.js';

const endpoint = inject('motoEndpoint');
const NOW = new Date(Date.now() + 190 * 86_400_000).toISOString();

interface Report {
  findings: Array<{ ruleId: string; resourceArn: string; subject?: string; severity: string }>;
  notEvaluated: Array<{ ruleId: string; accountId: string | null; reason: string }>;
}

describe.skipIf(endpoint === null)(
  'SSH keys, signing certificates and service credentials against moto',
  () => {
    let org: MotoOrganization;
    let dir: string;
    let snapshot: Snapshot;
    let report: Report;
    let sshKeyIds: { active: string; inactive: string };
    const motoEndpoint = endpoint ?? '';
    const dev = (): Account => snapshot.accounts.find((a) => a.id === org.accounts.dev) as Account;

    beforeAll(async () => {
      await fetch(`${motoEndpoint}/moto-api/reset`, { method: 'POST' });
      org = await buildMotoOrganization(motoEndpoint);
      const iam = await iamClientIn(motoEndpoint, 'credentials')(org.accounts.dev);
      const upload = async () =>
        (
          await iam.send(
            new UploadSSHPublicKeyCommand({
              UserName: 'bob',
              SSHPublicKeyBody: 'ssh-rsa AAAAB3NzaC1yc2E bob@laptop',
            }),
          )
        ).SSHPublicKey?.SSHPublicKeyId ?? '';
      sshKeyIds = { active: await upload(), inactive: await upload() };
      await iam.send(
        new UpdateSSHPublicKeyCommand({
          UserName: 'bob',
          SSHPublicKeyId: sshKeyIds.inactive,
          Status: 'Inactive',
        }),
      );
      await iam.send(
        new UploadSigningCertificateCommand({ UserName: 'bob', CertificateBody: TEST_SIGNING_CERTIFICATE }),
      );
      dir = await mkdtemp(join(tmpdir(), 'keysweep-credentials-'));
      const file = join(dir, 'snapshot.json');
      const collect = await runKeysweepProcess(motoEndpoint, ['collect', '--out', file, '--now', NOW]);
      if (collect.code !== 0) throw new Error(`collect failed (${collect.code}):\n${collect.stderr}`);
      snapshot = await loadSnapshot(file);
      const out = join(dir, 'report');
      const scan = await runKeysweepProcess(motoEndpoint, [
        'scan',
        '--snapshot',
        file,
        '--out',
        out,
        '--format',
        'json',
        '--now',
        NOW,
        '--fail-on',
        'none',
      ]);
      if (scan.code === 2 || scan.code === null) throw new Error(`scan failed:\n${scan.stderr}`);
      report = JSON.parse(await readFile(join(out, 'report.json'), 'utf8'));
    });
    afterAll(async () => {
      if (dir) await rm(dir, { recursive: true, force: true });
    });

    it('reads the SSH keys with their status through ListSSHPublicKeys', () => {
      const keys = dev().iam.sshPublicKeys;
      if (keys.status !== 'ok') throw new Error(JSON.stringify(keys));
      expect(keys.data.map((k) => [k.userName, k.sshPublicKeyId, k.status]).sort()).toEqual(
        [
          ['bob', sshKeyIds.active, 'Active'],
          ['bob', sshKeyIds.inactive, 'Inactive'],
        ].sort(),
      );
      for (const key of keys.data) expect(key.uploadDate).toMatch(/^\d{4}-\d\d-\d\dT/);
    });

    it('reads the signing certificate from the credential report (moto gives no rotation date)', () => {
      expect(dev().iam.signingCertificates).toEqual({
        status: 'ok',
        data: [
          {
            userName: 'bob',
            userArn: `arn:aws:iam::${org.accounts.dev}:user/bob`,
            slot: 1,
            active: true,
            lastRotated: null,
          },
        ],
      });
    });

    it('moto lacks ListServiceSpecificCredentials: a failed slice, never "none"', () => {
      for (const account of snapshot.accounts.filter((a) => a.access.status === 'ok')) {
        expect(account.iam.serviceCredentials).toMatchObject({
          status: 'failed',
          error: { code: 'NotImplementedByEndpoint' },
        });
      }
    });

    it('the rules flag bob’s SSH keys and certificate; the service-credential rule is not evaluated', () => {
      const bob = `arn:aws:iam::${org.accounts.dev}:user/bob`;
      const mine = report.findings
        .filter((f) => f.ruleId === 'iam-user-ssh-public-key' || f.ruleId === 'iam-user-signing-certificate')
        .map((f) => `${f.ruleId} ${f.resourceArn} ${f.subject ?? ''} ${f.severity}`)
        .sort();
      expect(mine).toEqual(
        [
          `iam-user-ssh-public-key ${bob} ${sshKeyIds.active} high`, // 190 days old at NOW: past 90
          `iam-user-ssh-public-key ${bob} ${sshKeyIds.inactive} low`,
          `iam-user-signing-certificate ${bob} certificate 1 medium`,
        ].sort(),
      );
      expect(report.findings.filter((f) => f.ruleId === 'iam-user-service-specific-credential')).toEqual([]);
      const skipped = report.notEvaluated.filter((n) => n.ruleId === 'iam-user-service-specific-credential');
      expect(skipped.map((n) => n.accountId).sort()).toEqual(
        snapshot.accounts
          .filter((a) => a.access.status === 'ok')
          .map((a) => a.id)
          .sort(),
      );
    });
  },
);
