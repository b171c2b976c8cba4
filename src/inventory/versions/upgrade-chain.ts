import { InputError } from '../../io/input-error.js';

/** A parsed JSON document of some schemaVersion, before validation. */
export type JsonDocument = Record<string, unknown>;

/** Turns a document of version N into version N + 1 (pure, in memory; sets the new schemaVersion). */
export type Upgrade = (document: JsonDocument) => JsonDocument;

/**
 * The versions of one kind of keysweep file. `upgrades[n]` upgrades version n to n + 1; adding a
 * schema version means bumping `current` and registering one function here.
 */
export interface VersionChain {
  /** What the file is, for messages: "snapshot", "report". */
  kind: string;
  /** The oldest version keysweep ever wrote. */
  first: number;
  current: number;
  upgrades: Readonly<Record<number, Upgrade>>;
  /** Whether a document without a usable schemaVersion still looks like this kind (else: not keysweep's). */
  looksLike(document: JsonDocument): boolean;
}

/**
 * Brings a document of an older version up to `chain.current` through the registered upgrades. A
 * newer version, or a file that is not this kind of keysweep file, is one InputError line naming the file.
 */
export function upgradeToCurrent(data: unknown, file: string, chain: VersionChain): unknown {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new InputError(`${file}: not a keysweep ${chain.kind} (expected a JSON object)`);
  }
  let document = data as JsonDocument;
  const version = document.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version)) {
    // Without a version number zod names the first bad field, which is the clearer message for a
    // damaged keysweep file; a foreign file gets a plain "not a keysweep" line.
    if (chain.looksLike(document)) return document;
    throw new InputError(`${file}: not a keysweep ${chain.kind} (no schemaVersion)`);
  }
  if (version > chain.current) {
    throw new InputError(
      `${file}: schemaVersion: ${version} is newer than this keysweep reads (${chain.current}); upgrade keysweep to read it`,
    );
  }
  if (version < chain.first) {
    throw new InputError(`${file}: schemaVersion: ${version} was never written by keysweep (${chain.kind})`);
  }
  for (let from = version; from < chain.current; from += 1) {
    const upgrade = chain.upgrades[from];
    if (!upgrade) throw new Error(`no ${chain.kind} upgrade registered from schemaVersion ${from}`);
    document = upgrade(document);
  }
  return document;
}

/** Versions with no registered upgrade between `first` and `current` (a test keeps this empty). */
export function missingUpgrades(chain: VersionChain): number[] {
  const missing: number[] = [];
  for (let from = chain.first; from < chain.current; from += 1) if (!chain.upgrades[from]) missing.push(from);
  return missing;
}
