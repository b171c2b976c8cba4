import { readFileSync } from 'node:fs';

/**
 * The snapshot size (256 MiB) from which a scan keeps its findings on disk at once and bin/keysweep.js
 * starts Node again with a larger young generation. Defined once, in package.json's `config`, because
 * bin/young-generation.js runs before any build and reads it from there too.
 */
const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  config: { largeSnapshotBytes: number };
};

export const LARGE_SNAPSHOT_BYTES: number = pkg.config.largeSnapshotBytes;
