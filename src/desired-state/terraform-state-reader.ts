import { z } from 'zod';
import { describeZodError, InputError } from '../io/input-error.js';
import type { DeclaredDocument } from './desired-state-model.js';
import { documentFromTerraform, type TerraformResource } from './terraform-resources.js';

// What `terraform state pull` writes (format version 4, Terraform ≥ 0.12). Unknown keys are ignored.
const stateSchema = z.looseObject({
  version: z.literal(4),
  terraform_version: z.string().optional(),
  serial: z.number().int().optional(),
  lineage: z.string().optional(),
  resources: z
    .array(
      z.looseObject({
        module: z.string().optional(),
        mode: z.enum(['managed', 'data']),
        type: z.string().min(1),
        name: z.string().min(1),
        instances: z.array(
          z.looseObject({
            index_key: z.union([z.string(), z.number()]).optional(),
            attributes: z.record(z.string(), z.unknown()).optional(),
          }),
        ),
      }),
    )
    .default([]),
});

export function looksLikeTerraformState(data: Record<string, unknown>): boolean {
  return 'version' in data && ('lineage' in data || 'resources' in data || 'modules' in data);
}

export function readTerraformState(file: string, data: Record<string, unknown>): DeclaredDocument {
  if (data.version !== 4) {
    throw new InputError(
      `${file}: version: Terraform state format ${JSON.stringify(data.version)} is not supported (keysweep reads version 4, written by Terraform 0.12 and later: run terraform state pull)`,
    );
  }
  const result = stateSchema.safeParse(data);
  if (!result.success) throw new InputError(describeZodError(file, result.error));
  const resources: TerraformResource[] = [];
  for (const resource of result.data.resources) {
    // Data sources describe what exists, not what the code declares.
    if (resource.mode !== 'managed') continue;
    const prefix = `${resource.module ? `${resource.module}.` : ''}${resource.type}.${resource.name}`;
    for (const instance of resource.instances) {
      const index = instance.index_key === undefined ? '' : `[${JSON.stringify(instance.index_key)}]`;
      const address = `${prefix}${index}`;
      if (!instance.attributes) throw new InputError(`${file}: ${address}: attributes: missing`);
      resources.push({ address, type: resource.type, attributes: instance.attributes });
    }
  }
  return documentFromTerraform(file, 'terraform-state', resources);
}
