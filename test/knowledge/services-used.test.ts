import { describe, expect, it } from 'vitest';
import { anAccessKey, aUser } from '../../fixtures/builders/index.js';
import { servicesUsed } from '../../src/knowledge/services-used.js';

describe('servicesUsed', () => {
  it('each service once, in key order, with its latest use; no service for a key never used or N/A', () => {
    const user = aUser({
      accessKeys: [
        anAccessKey({
          lastUsedService: 's3',
          lastUsedDate: '2026-01-01T00:00:00Z',
          lastUsedRegion: 'eu-west-1',
        }),
        anAccessKey({ lastUsedService: null }),
        anAccessKey({ lastUsedService: 'N/A' }),
        anAccessKey({ lastUsedService: 'sts', lastUsedDate: null, lastUsedRegion: null }),
        anAccessKey({
          lastUsedService: 's3',
          lastUsedDate: '2026-03-01T00:00:00Z',
          lastUsedRegion: 'us-east-1',
        }),
      ],
    });
    expect(servicesUsed(user)).toEqual([
      { service: 's3', lastUsed: '2026-03-01T00:00:00Z', region: 'us-east-1' },
      { service: 'sts', lastUsed: null, region: null },
    ]);
  });
});
