// The primer renderer's exact output for small known primers, in every format: the session hand-over
// (constraints, task, decisions, evidence, files touched, findings and how many more, verify, recap)
// and the instruction-file block (intro per format, Cursor front matter, written into an existing file).
import * as assert from 'node:assert/strict';
import { BLOCK_BEGIN, BLOCK_END, CURSOR_FRONT_MATTER, instructionFileText, renderPrimer, type Primer } from '../../../server/src/engine/primer/index';

const FULL: Primer = {
  constraints: [
    { text: '`domain` imports no other layer.', recap: 'domain: no other layer' },
    { text: 'Never hardcode a secret.', recap: 'no hardcoded secrets' },
  ] as Primer['constraints'],
  task: 'Add refunds.',
  decisions: ['Money is integer cents.'],
  evidence: ['3 regressions in 10 minutes.'],
  filesTouched: ['src/a.ts', 'src/b.ts', 'src/c.ts'],
  findings: ['src/b.ts:3 failure/empty-catch: Empty catch block', 'src/c.ts:9 secrets/generic-credential: Hardcoded credential'],
  moreFindings: 2,
  verify: ['npm test', 'npx shipshape check'],
} as Primer;

const EMPTY: Primer = { constraints: [], decisions: [], evidence: [], filesTouched: [], findings: [], moreFindings: 0, verify: ['npm test'] } as unknown as Primer;

describe('primer rendering (exact)', () => {
  it('renders the session hand-over with every section', () => {
    assert.equal(
      renderPrimer(FULL),
      [
        '# Primer for a fresh session',
        '',
        '## Hard constraints',
        '1. `domain` imports no other layer.',
        '2. Never hardcode a secret.',
        '',
        '## Task',
        'Add refunds.',
        '',
        '## Decisions',
        '- Money is integer cents.',
        '',
        '## Why a fresh session',
        '- 3 regressions in 10 minutes.',
        '',
        '## Current state',
        'Files touched: `src/a.ts`, 2 more with findings below',
        'Open findings:',
        '- src/b.ts:3 failure/empty-catch: Empty catch block',
        '- src/c.ts:9 secrets/generic-credential: Hardcoded credential',
        '- …and 2 more (`shipshape check`)',
        '',
        '## Verify before you finish',
        '- `npm test`',
        '- `npx shipshape check`',
        '',
        'Remember: domain: no other layer; no hardcoded secrets.',
        '',
      ].join('\n'),
    );
  });

  it('renders placeholders when nothing is known yet', () => {
    assert.equal(
      renderPrimer(EMPTY, 'markdown'),
      [
        '# Primer for a fresh session',
        '',
        '## Hard constraints',
        '(none configured: see shipshape.yml)',
        '',
        '## Task',
        '(one line: what this session should do)',
        '',
        '## Decisions',
        '- (what is already decided)',
        '',
        '## Current state',
        'Files touched: none yet',
        'Open findings: none',
        '',
        '## Verify before you finish',
        '- `npm test`',
        '',
        'Remember: run the checks before finishing.',
        '',
      ].join('\n'),
    );
    const onlyListed = { ...FULL, filesTouched: ['src/b.ts', 'src/c.ts'], moreFindings: 0 };
    const text = renderPrimer(onlyListed);
    assert.ok(text.includes('\nFiles touched: the 2 with findings below\n'), text);
    assert.ok(!text.includes('…and'), 'no "more" line without more findings');
    assert.ok(renderPrimer({ ...FULL, filesTouched: ['src/z.ts'] }).includes('\nFiles touched: `src/z.ts`\n'));
  });

  it('renders the instruction block per format', () => {
    const block = (intro: string) =>
      [BLOCK_BEGIN, '## Project constraints', '', intro, '', '1. `domain` imports no other layer.', '2. Never hardcode a secret.', '', 'Before finishing, run `npm test` and `npx shipshape check`.', '', 'Remember: domain: no other layer; no hardcoded secrets.', BLOCK_END, ''].join('\n');
    const plain = block('Shipshape checks these on every edit; follow them:');
    assert.equal(renderPrimer(FULL, 'agents'), plain);
    assert.equal(renderPrimer(FULL, 'copilot'), plain);
    assert.equal(renderPrimer(FULL, 'claude'), block('IMPORTANT: Shipshape checks these on every edit. YOU MUST follow them:'));
    assert.equal(renderPrimer(FULL, 'cursor'), `${CURSOR_FRONT_MATTER}\n${plain}`);
  });

  it('writes the block into instruction files, with front matter for Cursor only', () => {
    const agents = instructionFileText(undefined, FULL, 'agents');
    assert.ok(agents.startsWith(BLOCK_BEGIN), agents);
    assert.ok(!agents.includes('alwaysApply'));
    const cursor = instructionFileText(undefined, FULL, 'cursor');
    assert.ok(cursor.startsWith(CURSOR_FRONT_MATTER), cursor);
    const kept = instructionFileText('# Notes\n\nKeep me.\n', EMPTY, 'claude');
    assert.ok(kept.startsWith('# Notes\n\nKeep me.\n'), kept);
    assert.ok(kept.includes('IMPORTANT: Shipshape checks these on every edit. YOU MUST follow them:\n\n(none configured: see shipshape.yml)\n'), kept);
  });
});
