import { describe, expect, it } from 'vitest';
import { loadDemoSnapshot } from '../../src/demo/demo-snapshot.js';
import type { Snapshot } from '../../src/inventory/snapshot-schema.js';
import { renderKit } from '../../src/migration-kit/render-kit.js';
import { NOW, parseTf, planOf } from './support/kit.js';

/** The demo found in eu-central-1 (a replica region) of an instance whose primary region is eu-west-1. */
async function foundInReplica(regions: Snapshot['identityCenter']['regions']): Promise<Snapshot> {
  const demo = await loadDemoSnapshot();
  const instance = demo.identityCenter.instance;
  if (instance.status !== 'ok' || !instance.data) throw new Error('demo has an instance');
  return {
    ...demo,
    identityCenter: {
      ...demo.identityCenter,
      instance: { status: 'ok', data: { ...instance.data, homeRegion: 'eu-central-1' } },
      regions,
    },
  };
}

async function providerRegionDefault(snapshot: Snapshot): Promise<unknown> {
  const plan = planOf(snapshot);
  const files = renderKit(plan, snapshot, {
    scpExemptRoles: [],
    deleteAfterDays: 30,
    runbookFormats: ['md'],
    now: NOW,
  });
  const main = files.find((f) => f.path === 'identity-center/main.tf');
  if (!main) throw new Error('identity-center/main.tf missing');
  const tf = (await parseTf(main)) as { variable?: Record<string, Array<{ default?: unknown }>> };
  return tf.variable?.identity_center_region?.[0]?.default;
}

describe("the kit's Identity Center provider region", () => {
  it('is the primary region of a multi-Region instance, not the region keysweep found it in', async () => {
    const snapshot = await foundInReplica({
      status: 'ok',
      data: [
        { regionName: 'eu-central-1', status: 'ACTIVE', addedDate: null, primary: false },
        { regionName: 'eu-west-1', status: 'ACTIVE', addedDate: null, primary: true },
      ],
    });
    expect(planOf(snapshot).identityCenter.region).toBe('eu-west-1');
    expect(await providerRegionDefault(snapshot)).toBe('eu-west-1');
  });

  it('regions not collected (an endpoint without ListRegions): the region the instance was found in', async () => {
    const snapshot = await foundInReplica({ status: 'not_collected', reason: 'ListRegions not available' });
    expect(planOf(snapshot).identityCenter.region).toBe('eu-central-1');
    expect(await providerRegionDefault(snapshot)).toBe('eu-central-1');
  });
});
