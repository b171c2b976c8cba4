import { describe, expect, it } from 'vitest';
import { parseInstanceRegions } from '../../src/cli/parse-instance-regions.js';

describe('--instance-regions', () => {
  it('absent: undefined (the default search)', () => {
    expect(parseInstanceRegions(undefined)).toBeUndefined();
  });
  it('a list: trimmed, once each, sorted', () => {
    expect(parseInstanceRegions(' us-east-1,eu-west-1 ,us-east-1,us-gov-west-1')).toEqual([
      'eu-west-1',
      'us-east-1',
      'us-gov-west-1',
    ]);
  });
  it.each([
    ['', '--instance-regions: give at least one region name (e.g. eu-west-1,us-east-1)'],
    [' , ', '--instance-regions: give at least one region name (e.g. eu-west-1,us-east-1)'],
    ['eu-west-1,EU-WEST-2', '--instance-regions: "EU-WEST-2" is not an AWS region name (e.g. eu-west-1)'],
    ['eu-west', '--instance-regions: "eu-west" is not an AWS region name (e.g. eu-west-1)'],
    ['us-east-1;rm', '--instance-regions: "us-east-1;rm" is not an AWS region name (e.g. eu-west-1)'],
    [
      'all',
      '--instance-regions: "all" is not available in this build (it needs account:ListRegions); name the regions, e.g. eu-west-1,us-east-1',
    ],
  ])('%j: one line naming the flag', (value, message) => {
    expect(() => parseInstanceRegions(value)).toThrow(message);
  });
});
