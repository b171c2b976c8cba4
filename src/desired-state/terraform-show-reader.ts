import { z } from 'zod';
import { describeZodError, InputError } from '../io/input-error.js';
import type { DeclaredDocument } from './desired-state-model.js';
import { documentFromTerraform, type TerraformResource } from './terraform-resources.js';

interface ShowModule {
  address?: string | undefined;
  resources?: Array<{
    address: string;
    mode: string;
    type: string;
    values?: Record<string, unknown> | undefined;
  }>;
  child_modules?: ShowModule[];
}

const moduleSchema: z.ZodType<ShowModule> = z.lazy(() =>
  z.looseObject({
    address: z.string().optional(),
    resources: z
      .array(
        z.looseObject({
          address: z.string().min(1),
          mode: z.string(),
          type: z.string().min(1),
          values: z.record(z.string(), z.unknown()).optional(),
        }),
      )
      .optional(),
    child_modules: z.array(moduleSchema).optional(),
  }),
);

// `terraform show -json` of a state; an empty state has no `values` at all.
const showSchema = z.looseObject({
  format_version: z.string(),
  values: z.looseObject({ root_module: moduleSchema.optional() }).optional(),
});

export function looksLikeTerraformShow(data: Record<string, unknown>): boolean {
  return 'format_version' in data;
}

export function readTerraformShow(file: string, data: Record<string, unknown>): DeclaredDocument {
  if ('planned_values' in data || 'resource_changes' in data) {
    throw new InputError(
      `${file}: this is a plan (planned_values); give the state: terraform show -json (no plan file)`,
    );
  }
  const result = showSchema.safeParse(data);
  if (!result.success) throw new InputError(describeZodError(file, result.error));
  const resources: TerraformResource[] = [];
  const walk = (module: ShowModule) => {
    for (const r of module.resources ?? []) {
      if (r.mode !== 'managed') continue;
      if (!r.values) throw new InputError(`${file}: ${r.address}: values: missing`);
      resources.push({ address: r.address, type: r.type, attributes: r.values });
    }
    for (const child of module.child_modules ?? []) walk(child);
  };
  const root = result.data.values?.root_module;
  if (root) walk(root);
  return documentFromTerraform(file, 'terraform-show-json', resources);
}
