import picomatch from 'picomatch';
import { describeZodError, InputError } from '../../io/input-error.js';
import { readStructuredFile } from '../../io/read-structured-file.js';
import { checkWaiverReach } from './waiver-reach.js';
import { type WaiversFile, waiversFileSchema } from './waiver-schema.js';

/** Reads a YAML or JSON waivers file; anything wrong is one InputError line naming file and field. */
export async function loadWaivers(path: string): Promise<WaiversFile> {
  const raw = await readStructuredFile(path, { yaml: true });
  const parsed = waiversFileSchema.safeParse(raw);
  if (!parsed.success) throw new InputError(describeZodError(path, parsed.error));
  parsed.data.waivers.forEach((waiver, index) => {
    checkWaiverReach(path, index, waiver);
    try {
      picomatch.makeRe(waiver.resource, RESOURCE_GLOB_OPTIONS);
    } catch (error) {
      throw new InputError(
        `${path}: waivers.${index}.resource: not a valid glob (${(error as Error).message})`,
      );
    }
  });
  return parsed.data;
}

/** bash mode makes a single "*" cross "/" too: ARNs use "/" in names, not as directories. */
export const RESOURCE_GLOB_OPTIONS = { bash: true, dot: true, nocase: false } as const;
