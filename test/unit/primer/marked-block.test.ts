// The marked-block writer: idempotent, never touches text outside its markers, handles missing files.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as fs from 'node:fs';
import { BLOCK_BEGIN, BLOCK_END, buildPrimer, CURSOR_FRONT_MATTER, instructionFileText, MarkedBlockError, upsertMarkedBlock } from '../../../server/src/engine/primer/index';
import { engine, loadedConfig } from '../../helpers/engine';

const block = (body: string) => `${BLOCK_BEGIN}\n${body}\n${BLOCK_END}\n`;

describe('marked block writer', () => {
  it('creates the file content when the file is missing', () => {
    assert.equal(upsertMarkedBlock(undefined, block('one')), block('one'));
    assert.equal(upsertMarkedBlock(undefined, block('one'), '---\na: 1\n---\n'), `---\na: 1\n---\n\n${block('one')}`);
  });

  it('appends after existing text, separated by a blank line, keeping that text byte for byte', () => {
    const before = '# Agents\n\nUse pnpm.';
    const out = upsertMarkedBlock(before, block('one'));
    assert.equal(out, `# Agents\n\nUse pnpm.\n\n${block('one')}`);
    assert.equal(upsertMarkedBlock('# A\n', block('x')), `# A\n\n${block('x')}`);
    assert.equal(upsertMarkedBlock('# A\n\n', block('x')), `# A\n\n${block('x')}`);
  });

  it('replaces only the block, keeping the text before and after', () => {
    const file = `intro\n${block('old\ncontent')}outro line\n`;
    assert.equal(upsertMarkedBlock(file, block('new')), `intro\n${block('new')}outro line\n`);
  });

  it('is idempotent', () => {
    for (const start of [undefined, '', 'intro', 'intro\n', `a\n${block('old')}b`, `a\r\nb\r\n`]) {
      const once = upsertMarkedBlock(start, block('body'));
      assert.equal(upsertMarkedBlock(once, block('body')), once, JSON.stringify(start));
    }
  });

  it('keeps CRLF files CRLF', () => {
    const out = upsertMarkedBlock('a\r\nb\r\n', block('x'));
    assert.equal(out, `a\r\nb\r\n\r\n${BLOCK_BEGIN}\r\nx\r\n${BLOCK_END}\r\n`);
    assert.equal(upsertMarkedBlock(out, block('y')), `a\r\nb\r\n\r\n${BLOCK_BEGIN}\r\ny\r\n${BLOCK_END}\r\n`);
  });

  it('refuses unpaired or repeated markers instead of guessing', () => {
    assert.throws(() => upsertMarkedBlock(`a\n${BLOCK_BEGIN}\nb\n`, block('x')), MarkedBlockError);
    assert.throws(() => upsertMarkedBlock(`a\n${BLOCK_END}\n${BLOCK_BEGIN}\n`, block('x')), MarkedBlockError);
    assert.throws(() => upsertMarkedBlock(`${block('1')}${block('2')}`, block('x')), MarkedBlockError);
  });

  it('writes the primer block into each instruction file; Cursor rules get front matter once', () => {
    const dir = path.resolve(__dirname, '../../../examples/sample-service');
    const primer = buildPrimer({ config: loadedConfig(fs.readFileSync(path.join(dir, 'shipshape.yml'), 'utf8'), dir), rules: engine.rules });
    const cursor = instructionFileText(undefined, primer, 'cursor');
    assert.ok(cursor.startsWith(`${CURSOR_FRONT_MATTER}\n${BLOCK_BEGIN}\n`));
    assert.equal(instructionFileText(cursor, primer, 'cursor'), cursor);
    const agents = instructionFileText('# Team notes\n', primer, 'agents');
    assert.ok(agents.startsWith('# Team notes\n\n<!-- shipshape:begin'));
    assert.ok(agents.endsWith(`${BLOCK_END}\n`));
    assert.match(instructionFileText(undefined, primer, 'claude'), /IMPORTANT: .*YOU MUST/);
  });
});
