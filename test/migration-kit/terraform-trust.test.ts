import { describe, expect, it } from 'vitest';
import { AWS_PROVIDER_VERSION } from '../../src/migration-kit/terraform/identity-center-tf.js';
import { demoKit, parseAllTf, parseTf } from './support/kit.js';

type Block = Record<string, unknown>;
const tfRef = (expr: string) => ['$', '{', expr, '}'].join('');

describe('Terraform a reviewer trusts (identity-center/)', () => {
  it('has a provider in the Identity Center region and a bounded aws provider range', async () => {
    const { files, plan } = await demoKit();
    const main = (await parseTf(files.find((f) => f.path === 'identity-center/main.tf')!)) as Record<
      string,
      unknown
    >;
    const provider = (main.provider as Record<string, Block[]>).aws![0]!;
    expect(provider.region).toBe(tfRef('var.identity_center_region'));
    const variable = (main.variable as Record<string, Block[]>).identity_center_region![0]!;
    expect(variable.default).toBe(plan.identityCenter.region);
    const settings = (main.terraform as Block[])[0]!;
    const providers = (settings.required_providers as Array<Record<string, { version: string }>>)[0]!;
    expect(providers.aws!.version).toBe(AWS_PROVIDER_VERSION);
    // A lower bound and an upper bound (the next major may rename what the kit uses).
    expect(AWS_PROVIDER_VERSION).toMatch(/^>= 5\.\d+\.\d+, < \d+\.0\.0$/);
  });

  it('protects every imported object from destroy, and only imported ones', async () => {
    const { files } = await demoKit();
    const parsed = await parseAllTf(files, 'identity-center/');
    const imported = new Set(parsed.import!.map((i) => i.to.replace(/^\$\{|\}$/g, '')));
    expect(imported.size).toBeGreaterThan(0);
    for (const [type, byName] of Object.entries(parsed.resource!))
      for (const [name, [resource]] of Object.entries(byName)) {
        const protectedFromDestroy = JSON.stringify((resource as Block).lifecycle ?? []).includes(
          '"prevent_destroy":true',
        );
        expect(protectedFromDestroy, `${type}.${name}`).toBe(imported.has(`${type}.${name}`));
      }
  });

  it('carries an imported permission set’s relay state and tags so the first plan changes nothing', async () => {
    const { files, snapshot } = await demoKit();
    const sets = snapshot.identityCenter.permissionSets;
    const readOnly = (sets.status === 'ok' ? sets.data : []).find((s) => s.name === 'ReadOnlyAccess')!;
    expect(readOnly.relayState).not.toBeNull();
    const parsed = await parseAllTf(files, 'identity-center/');
    const resource = parsed.resource!.aws_ssoadmin_permission_set!.read_only_access![0] as Block;
    expect(resource.relay_state).toBe(readOnly.relayState);
    expect(resource.tags).toEqual(readOnly.tags);
    expect(resource.session_duration).toBe(readOnly.sessionDuration);
    expect(parsed.import).toContainEqual(
      expect.objectContaining({ to: tfRef('aws_ssoadmin_permission_set.read_only_access') }),
    );
  });
});
