// Issue 26's evaluation goals, judged on medians of whole `keysweep scan` processes, each as a ratio to the
// median `node -e JSON.parse(file)` of the same snapshot in the same run (so that a busy machine slows
// both alike). Above 100k IAM users the floor is ten times (users / 100k) the 100k parse, so a per-user
// cost that grows with the size shows as a missed goal.

export const FIVE_FORMATS = 'sarif,json,md,html,csv';

export interface SizeMeasure {
  users: number;
  /** Median seconds (wall and CPU) of `node -e JSON.parse(file)`. */
  parse: { seconds: number; cpuSeconds: number };
  /** Per scan (format list): median wall and CPU seconds, the largest peak RSS of the runs. */
  scans: Map<string, { seconds: number; cpuSeconds: number; peakRssMiB: number }>;
}

interface Goal {
  label: string;
  value: number;
  limit: number;
  unit: 'x' | 'MiB';
  /** The same ratio in CPU time, for a busy machine (the goal is judged on wall time). */
  cpu?: number;
}

const GIB = 1024;

/** The goals that apply to the sizes measured (100k and 1M users; other sizes are printed, not judged). */
export function evaluationGoals(measures: readonly SizeMeasure[]): Goal[] {
  const at100k = measures.find((m) => m.users === 100_000);
  const goals: Goal[] = [];
  const ratio = (m: SizeMeasure, formats: string, floor: number, cpuFloor: number) => {
    const scan = m.scans.get(formats);
    return scan && { wall: scan.seconds / floor, cpu: scan.cpuSeconds / cpuFloor, rss: scan.peakRssMiB };
  };
  if (at100k) {
    const md = ratio(at100k, 'md', at100k.parse.seconds, at100k.parse.cpuSeconds);
    const all = ratio(at100k, FIVE_FORMATS, at100k.parse.seconds, at100k.parse.cpuSeconds);
    if (md) goals.push({ label: '100k scan --format md', value: md.wall, cpu: md.cpu, limit: 3, unit: 'x' });
    if (all)
      goals.push({ label: '100k scan, five formats', value: all.wall, cpu: all.cpu, limit: 6, unit: 'x' });
    const rss = Math.max(md?.rss ?? 0, all?.rss ?? 0);
    if (md || all) goals.push({ label: '100k peak RSS', value: rss, limit: GIB, unit: 'MiB' });
  }
  const at1m = measures.find((m) => m.users === 1_000_000);
  if (at1m && at100k) {
    const floor = at100k.parse.seconds * 10;
    const cpuFloor = at100k.parse.cpuSeconds * 10;
    const md = ratio(at1m, 'md', floor, cpuFloor);
    const all = ratio(at1m, FIVE_FORMATS, floor, cpuFloor);
    if (md)
      goals.push({
        label: '1M scan --format md (÷ 10 × 100k parse)',
        value: md.wall,
        cpu: md.cpu,
        limit: 3,
        unit: 'x',
      });
    if (all)
      goals.push({
        label: '1M scan, five formats (÷ 10 × 100k parse)',
        value: all.wall,
        cpu: all.cpu,
        limit: 6,
        unit: 'x',
      });
    const rss = Math.max(md?.rss ?? 0, all?.rss ?? 0);
    if (md || all)
      goals.push({ label: '1M peak RSS (default settings)', value: rss, limit: 2 * GIB, unit: 'MiB' });
    // Flat per-user cost: 1M's time per user within 25% of 100k's (the same as its ratio to 10 × the 100k
    // parse staying within 25% of 100k's ratio to its own parse).
    for (const formats of ['md', FIVE_FORMATS]) {
      const small = at100k.scans.get(formats);
      const large = at1m.scans.get(formats);
      if (!small || !large) continue;
      const growth = large.seconds / 1_000_000 / (small.seconds / 100_000);
      goals.push({
        label: `per-user cost 1M ÷ 100k, ${formats === 'md' ? 'md' : 'five formats'}`,
        value: growth,
        cpu: large.cpuSeconds / 1_000_000 / (small.cpuSeconds / 100_000),
        limit: 1.25,
        unit: 'x',
      });
    }
  }
  return goals;
}

export function printGoals(goals: readonly Goal[], runs: string): void {
  if (goals.length === 0) return;
  console.log(
    `\ngoals (issue 26; medians of ${runs} runs per size; judged on wall time, CPU time beside it)`,
  );
  for (const g of goals) {
    const value = g.unit === 'x' ? `${g.value.toFixed(2)}x` : `${g.value.toFixed(0)} MiB`;
    const limit = g.unit === 'x' ? `${g.limit}x` : `${g.limit} MiB`;
    const cpu = g.cpu === undefined ? '' : ` (cpu ${g.cpu.toFixed(2)}x)`;
    const verdict =
      g.value <= g.limit ? 'pass' : `FAIL (${((g.value / g.limit - 1) * 100).toFixed(0)}% over)`;
    console.log(
      `  ${g.label.padEnd(44)} ${value.padStart(9)}${cpu.padEnd(14)}  ≤ ${limit.padEnd(9)} ${verdict}`,
    );
  }
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
