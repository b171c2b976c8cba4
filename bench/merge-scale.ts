// npx tsx bench/merge-scale.ts [-- --users 1000000 --shards 4]
// Writes a synthetic organization as the snapshots of `collect --shard K/N` (streamed, account by
// account), then times `keysweep merge` of them as its own process under /usr/bin/time (wall, peak RSS).

import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { shardOf } from '../src/inventory/account-shard.js';
import { writeSnapshotStream } from '../src/inventory/streaming/write-snapshot-stream.js';
import { measureProcess } from './measure-process.js';
import { syntheticAccounts, syntheticHeader } from './synthetic-organization.js';

const { values } = parseArgs({
  options: { users: { type: 'string', default: '100000' }, shards: { type: 'string', default: '4' } },
});
const users = Number(values.users);
const count = Number(values.shards);
const perAccount = 100;
const work = mkdtempSync(join(tmpdir(), 'keysweep-merge-bench-'));
try {
  const files: string[] = [];
  for (let index = 1; index <= count; index += 1) {
    const file = join(work, `shard-${index}.json`);
    const accounts = [...syntheticAccounts(Math.ceil(users / perAccount), perAccount)].filter(
      (account) => shardOf(account.id, count) === index,
    );
    await writeSnapshotStream(file, { ...syntheticHeader(), crawl: { shard: { index, count } } }, accounts);
    files.push(file);
  }
  const size = files.reduce((sum, file) => sum + statSync(file).size, 0) / 2 ** 20;
  console.log(`${users} IAM users in ${count} shard snapshots, ${size.toFixed(0)} MiB`);
  const bin = join(import.meta.dirname, '..', 'bin', 'keysweep.js');
  const merge = measureProcess(process.execPath, [
    bin,
    'merge',
    ...files,
    '--out',
    join(work, 'merged.json'),
  ]);
  const merged = statSync(join(work, 'merged.json')).size / 2 ** 20;
  if (process.env.KEYSWEEP_BENCH_KEEP_SHARDS) console.log(`  shards kept in ${work}`);
  console.log(
    `  keysweep merge: ${merge.seconds.toFixed(2)} s, peak RSS ${merge.peakRssMiB.toFixed(0)} MiB, ` +
      `${merged.toFixed(0)} MiB written${merge.exitCode === 0 ? '' : `, exit ${merge.exitCode}: ${merge.stderr}`}`,
  );
} finally {
  if (!process.env.KEYSWEEP_BENCH_KEEP_SHARDS) rmSync(work, { recursive: true, force: true });
}
