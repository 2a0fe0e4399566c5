// A small hand-written SVG chart of the two figures people ask about first: editor latency (p50 and
// p95 per edit) and workspace check time, Shipshape next to the peers measured in the same run.
// Reads bench/results/{editor,workspace}.json; writes bench/results/chart.svg.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RESULTS_DIR } from './report.mjs';

const WIDTH = 760;
const LABEL = 250;
const BAR = 18;
const GAP = 10;
const OURS = '#1f6feb';
const PEER = '#8c959f';
const FLOOR = '#2da44e';

const escape = (text) => String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const ms = (v) => (v >= 1000 ? `${(v / 1000).toFixed(1)} s` : v >= 10 ? `${v.toFixed(0)} ms` : `${v.toFixed(1)} ms`);

/**
 * One panel of horizontal bars. Each row: { label, value, extra? (a lighter second bar, e.g. p95),
 * color }. The scale is linear from zero to the largest value, so ratios read off the lengths.
 */
function panel(title, subtitle, rows, top) {
  const max = Math.max(...rows.map((r) => Math.max(r.value, r.extra ?? 0)));
  const span = WIDTH - LABEL - 90;
  const out = [`<text x="16" y="${top + 18}" class="title">${escape(title)}</text>`, `<text x="16" y="${top + 36}" class="sub">${escape(subtitle)}</text>`];
  let y = top + 50;
  for (const row of rows) {
    const w = Math.max(1, (row.value / max) * span);
    out.push(`<text x="${LABEL - 8}" y="${y + BAR - 5}" text-anchor="end">${escape(row.label)}</text>`);
    if (row.extra !== undefined) {
      const we = Math.max(1, (row.extra / max) * span);
      out.push(`<rect x="${LABEL}" y="${y}" width="${we.toFixed(1)}" height="${BAR}" fill="${row.color}" opacity="0.35"/>`);
    }
    out.push(`<rect x="${LABEL}" y="${y}" width="${w.toFixed(1)}" height="${BAR}" fill="${row.color}"/>`);
    const end = LABEL + Math.max(w, row.extra !== undefined ? (row.extra / max) * span : 0);
    out.push(`<text x="${(end + 6).toFixed(1)}" y="${y + BAR - 5}">${escape(row.text ?? ms(row.value))}</text>`);
    y += BAR + GAP;
  }
  return { svg: out.join('\n'), bottom: y };
}

export function renderChart(editor, workspace, machine) {
  const parts = [];
  let bottom = 0;
  if (editor) {
    const rows = [
      { label: 'Shipshape, all families (LSP)', value: editor.shipshape.p50, extra: editor.shipshape.p95, color: OURS },
      { label: 'TypeScript full parse (floor)', value: editor.parse.p50, extra: editor.parse.p95, color: FLOOR },
      { label: 'ESLint re-lint, untyped', value: editor.eslintUntyped.p50, extra: editor.eslintUntyped.p95, color: PEER },
      ...(editor.eslintTyped ? [{ label: 'ESLint re-lint, typed', value: editor.eslintTyped.p50, extra: editor.eslintTyped.p95, color: PEER }] : []),
    ].map((r) => ({ ...r, text: `${ms(r.value)} / ${ms(r.extra)}` }));
    const p = panel(`Editor: one edit to diagnostics, ${editor.lines}-line TypeScript file`, `p50 (solid) / p95 (light) over ${editor.edits} edits, warm processes; shorter is better`, rows, bottom);
    parts.push(p.svg);
    bottom = p.bottom + 12;
  }
  if (workspace) {
    const t = workspace.tools;
    const rows = [
      { label: 'Shipshape, all three families', value: t.all.wall.median, color: OURS },
      { label: 'ESLint (failure rules)', value: t.eslint.wall.median, color: PEER },
      { label: 'secretlint', value: t.secretlint.wall.median, color: PEER },
      { label: 'dependency-cruiser', value: t.depcruise.wall.median, color: PEER },
      { label: 'the three peers together', value: workspace.peerSum.walls.median, color: PEER },
    ];
    const speedUp = workspace.peerSum.walls.median / t.all.wall.median;
    const p = panel(`Workspace check: effect@4.1.0 src/ (${workspace.files} files, ${(workspace.bytes / 1e6).toFixed(1)} MB)`, `wall time, median of ${workspace.runs}; Shipshape ${speedUp.toFixed(1)}× faster than the peers together; shorter is better`, rows, bottom);
    parts.push(p.svg);
    bottom = p.bottom + 4;
  }
  if (parts.length === 0) return undefined;
  const height = bottom + 22;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="-apple-system, Segoe UI, Helvetica, Arial, sans-serif" font-size="12">
<style>text{fill:#24292f} .title{font-size:14px;font-weight:600} .sub{fill:#57606a} @media (prefers-color-scheme: dark){text{fill:#e6edf3} .sub{fill:#8d96a0}}</style>
${parts.join('\n')}
<text x="16" y="${height - 8}" class="sub">${escape(machine ?? '')}</text>
</svg>
`;
}

/** Writes bench/results/chart.svg from whatever results exist; returns its path, or undefined. */
export function writeChart(dir = RESULTS_DIR) {
  const read = (name) => {
    const file = path.join(dir, `${name}.json`);
    return fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : undefined;
  };
  const editor = read('editor');
  const workspace = read('workspace');
  const machine = editor?.machine ?? workspace?.machine;
  const svg = renderChart(editor, workspace, machine);
  if (!svg) return undefined;
  const target = path.join(dir, 'chart.svg');
  fs.writeFileSync(target, svg);
  return target;
}
