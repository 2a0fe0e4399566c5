// The baseline: known findings a team accepts for now, keyed on fingerprints with a count each
// (never line numbers, so unrelated edits do not break it). One format for every family.
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { BASELINE_PATH } from './salt';
import type { Finding } from './types';

export interface BaselineEntry {
  ruleId: string;
  file: string;
  count: number;
}

export interface Baseline {
  version: 1;
  /** Salt for secret fingerprints (see salt.ts); kept here so every clone computes the same ones. */
  salt: string;
  findings: Record<string, BaselineEntry>;
}

export function readBaseline(configDir: string): Baseline | undefined {
  try {
    const data = JSON.parse(fs.readFileSync(path.join(configDir, BASELINE_PATH), 'utf8')) as Baseline;
    if (data && typeof data === 'object' && data.findings && typeof data.findings === 'object') return data;
  } catch {
    // Absent or unreadable: no baseline.
  }
  return undefined;
}

/** Marks findings the baseline covers, at most `count` per fingerprint (a new copy of a known problem is new). */
export function applyBaseline(findings: Finding[], baseline: Baseline | undefined): void {
  if (!baseline) return;
  const remaining = new Map(Object.entries(baseline.findings).map(([fp, entry]) => [fp, entry.count]));
  for (const finding of findings) {
    if (finding.suppressed) continue;
    const left = remaining.get(finding.fingerprint) ?? 0;
    if (left > 0) {
      finding.suppressed = { kind: 'baseline' };
      remaining.set(finding.fingerprint, left - 1);
    }
  }
}

export function buildBaseline(findings: { finding: Finding; relativePath: string }[], salt: string): Baseline {
  const entries: Record<string, BaselineEntry> = {};
  for (const { finding, relativePath } of findings) {
    const entry = (entries[finding.fingerprint] ??= { ruleId: finding.ruleId, file: relativePath, count: 0 });
    entry.count++;
  }
  const sorted = Object.fromEntries(Object.entries(entries).sort(([a], [b]) => (a < b ? -1 : 1)));
  return { version: 1, salt, findings: sorted };
}

export function newSalt(): string {
  return randomBytes(16).toString('hex');
}

export function writeBaseline(configDir: string, baseline: Baseline): string {
  const file = path.join(configDir, BASELINE_PATH);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(baseline, null, 2) + '\n');
  return file;
}

/**
 * The baseline file's new text with one more accepted occurrence of a finding (the "add to baseline"
 * quick fix). A new baseline keeps the salt the finding's fingerprint was computed with.
 */
export function baselineTextWith(existingText: string | undefined, finding: Finding, relativePath: string, salt: string): string {
  let baseline: Baseline = { version: 1, salt, findings: {} };
  if (existingText !== undefined) {
    try {
      const parsed = JSON.parse(existingText) as Baseline;
      if (parsed && typeof parsed === 'object' && parsed.findings && typeof parsed.findings === 'object') baseline = parsed;
    } catch {
      // An unreadable baseline is replaced by one that holds this finding.
    }
  }
  const entry = (baseline.findings[finding.fingerprint] ??= { ruleId: finding.ruleId, file: relativePath, count: 0 });
  entry.count++;
  const sorted = Object.fromEntries(Object.entries(baseline.findings).sort(([a], [b]) => (a < b ? -1 : 1)));
  return JSON.stringify({ ...baseline, findings: sorted }, null, 2) + '\n';
}
