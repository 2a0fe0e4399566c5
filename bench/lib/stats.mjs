// Small statistics and timing helpers. Figures are reported as ratios measured in the same run:
// the machine is shared and noisy, so absolute times mean little on their own.
import { spawnSync } from 'node:child_process';

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export function summary(values) {
  return { median: median(values), min: Math.min(...values), max: Math.max(...values), runs: values.length };
}

/**
 * Runs a command `runs` times and measures wall time and CPU time (user+sys of the child and its
 * children, from /usr/bin/time), in milliseconds. Returns summaries and the last run's output.
 */
export function timeCommand(command, args, { runs = 3, cwd, env } = {}) {
  const wall = [];
  const cpu = [];
  const rss = [];
  let last;
  for (let i = 0; i < runs; i++) {
    const started = process.hrtime.bigint();
    last = spawnSync('/usr/bin/time', ['-f', '__TIME__ %U %S %M', command, ...args], { cwd, env, encoding: 'utf8', maxBuffer: 1024 * 1024 * 1024 });
    wall.push(Number(process.hrtime.bigint() - started) / 1e6);
    const match = /__TIME__ ([\d.]+) ([\d.]+) (\d+)\s*$/.exec(last.stderr ?? '');
    if (match) {
      cpu.push((Number(match[1]) + Number(match[2])) * 1000);
      rss.push(Number(match[3]) / 1024);
    }
    last.stderr = (last.stderr ?? '').replace(/__TIME__[^\n]*\n?$/, '');
  }
  return { wall: summary(wall), cpu: cpu.length ? summary(cpu) : undefined, peakRssMB: rss.length ? Math.max(...rss) : undefined, output: last };
}

export const fmt = {
  ms: (v) => (v >= 1000 ? `${(v / 1000).toFixed(2)} s` : `${v.toFixed(v < 10 ? 2 : 0)} ms`),
  pct: (v) => `${(100 * v).toFixed(1)}%`,
  ratio: (v) => `${v.toFixed(2)}×`,
  range: (s, unit = fmt.ms) => `${unit(s.median)} (${unit(s.min)}–${unit(s.max)})`,
};

/**
 * Times several commands round-robin (A B C, A B C, …) rather than each in a block, so a burst of load
 * on the shared machine lands on every tool alike. `commands` maps a name to { command, args, cwd, env };
 * each run's wall and CPU are kept (`runs`), so sums across tools can be taken run by run.
 */
export function timeInterleaved(commands, { runs = 3, onRun } = {}) {
  const results = Object.fromEntries(Object.keys(commands).map((name) => [name, { walls: [], cpus: [], rss: [], output: undefined }]));
  for (let i = 0; i < runs; i++) {
    for (const [name, spec] of Object.entries(commands)) {
      const one = timeCommand(spec.command, spec.args, { runs: 1, cwd: spec.cwd, env: spec.env });
      const result = results[name];
      result.walls.push(one.wall.median);
      if (one.cpu) result.cpus.push(one.cpu.median);
      if (one.peakRssMB !== undefined) result.rss.push(one.peakRssMB);
      result.output = one.output;
      onRun?.(name, i, one);
    }
  }
  for (const result of Object.values(results)) {
    result.wall = summary(result.walls);
    result.cpu = result.cpus.length ? summary(result.cpus) : undefined;
    result.peakRssMB = result.rss.length ? Math.max(...result.rss) : undefined;
  }
  return results;
}

/** Run-by-run sum of several tools' times (for "the peers together"). */
export function sumRuns(results, names, key = 'walls') {
  const runs = Math.min(...names.map((name) => results[name][key].length));
  return summary(Array.from({ length: runs }, (_, i) => names.reduce((sum, name) => sum + results[name][key][i], 0)));
}
