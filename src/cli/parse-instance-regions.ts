import { InputError } from '../io/input-error.js';
import { parseList } from './parse-flags.js';

/** An AWS region name: partition prefix, area, number (us-east-1, eu-central-2, us-gov-west-1, cn-north-1). */
const REGION_NAME = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/;

/**
 * `--instance-regions <r1,r2,…>`: the regions to search for account instances of Identity Center, instead of
 * the default (the Identity Center region plus the organization instance's other regions). Undefined when the
 * flag is absent. `all` (every region enabled per account, account:ListRegions) is not available: this build
 * has no AWS Account Management client, so it is refused rather than answered with a partial search.
 */
export function parseInstanceRegions(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  const regions = parseList(value);
  if (regions.length === 0)
    throw new InputError('--instance-regions: give at least one region name (e.g. eu-west-1,us-east-1)');
  if (regions.includes('all'))
    throw new InputError(
      '--instance-regions: "all" is not available in this build (it needs account:ListRegions); name the regions, e.g. eu-west-1,us-east-1',
    );
  for (const region of regions) {
    if (!REGION_NAME.test(region))
      throw new InputError(`--instance-regions: "${region}" is not an AWS region name (e.g. eu-west-1)`);
  }
  return [...new Set(regions)].sort();
}
