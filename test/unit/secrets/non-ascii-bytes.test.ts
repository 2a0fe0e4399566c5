// The CLI scans a non-ASCII file's bytes read as Latin-1 when only the secrets check runs, and decodes the
// UTF-8 only when something is found there (engine.readsOnlyAscii, workspace/files.ts latin1View). The
// workspace run must report exactly what the editor's analysis of the decoded text reports.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { builtInSecretRules } from '../../../server/src/checks/secrets/rule-pack';
import { latin1View, utf16LongerThan } from '../../../server/src/engine/workspace/files';
import { runWorkspaceParallel } from '../../../server/src/engine/workspace/parallel';
import { engine, loadedConfig, makeWorkspace } from '../../helpers/engine';
import { DiskHost } from '../../../server/src/engine/host';
import { languageOf } from '../../../server/src/engine/index';

const SECRETS_ONLY = 'rules:\n  failure/*: off\n  architecture/*: off\n  shipshape/*: off\n';
// Files of a kilobyte or so, some over the limit in bytes and under it in characters (where the generic rule still runs).
const SMALL_LIMIT = `${SECRETS_ONLY}limits:\n  maxFileSizeKB: 1\n`;

// Text around the secrets: characters whose UTF-8 holds the byte A0 (à, Ġ, 蠀), Unicode blanks (NBSP,
// U+2003, U+3000, U+2028, a byte-order mark), common punctuation (’ “ … —), other scripts, and ASCII.
const UNICODE = ['à', 'Ġ', '蠀', '\u00a0', '\u2003', '\u3000', '\u2028', '\ufeff', '’', '“', '…', '—', 'é', 'ß', '中文', 'Ω', '😀'];
const ASCII = [' ', '  ', '\n', '=', ': ', '"', "'", 'password', 'token', 'api_key', 'const x', '<password>', '</password>', ', '];
const secretExamples = builtInSecretRules.flatMap((rule) => rule.examples.match).filter((example) => example.length < 400);

const key = (f: { ruleId: string; line: number; column: number; endLine: number; endColumn: number; fingerprint: string; message: string }) =>
  `${f.ruleId} ${f.line}:${f.column}-${f.endLine}:${f.endColumn} ${f.fingerprint} ${f.message}`;

function editorFindings(dir: string, file: string, config: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  const result = engine.analyze({ document: { path: file, text, language: languageOf(file) }, config: loadedConfig(config, dir), host: new DiskHost(), salt: 's' });
  return result.findings.map(key).sort();
}

describe('secrets in non-ASCII files, scanned as bytes by the CLI', () => {
  it('reports exactly what the analysis of the decoded text reports, for texts mixing secrets, Unicode blanks and multi-byte characters', async () => {
    const fragment = fc.oneof(fc.constantFrom(...UNICODE), fc.constantFrom(...ASCII), fc.constantFrom(...secretExamples));
    let viaBytes = 0;
    let withFindings = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(fragment, { minLength: 1, maxLength: 12 }), { minLength: 1, maxLength: 6 }), fc.constantFrom('a.ts', 'b.env', 'c.yml', 'd.xml', 'e.py', 'x.nuget.config'), fc.constantFrom(SECRETS_ONLY, SMALL_LIMIT), async (fileParts, name, config) => {
        const files: Record<string, string> = { 'shipshape.yml': config };
        fileParts.forEach((parts, i) => (files[`f${i}-${name}`] = parts.join('')));
        const dir = makeWorkspace(files);
        const paths = Object.keys(files).filter((f) => f !== 'shipshape.yml').map((f) => path.join(dir, f));
        for (const file of paths) if (latin1View(fs.readFileSync(file)) !== undefined) viaBytes++;
        // The CLI's run: no result cache, no workspace index, so each file is read and analysed in turn.
        const run = await runWorkspaceParallel(engine, { files: paths, applyBaseline: false, allowGit: false, salt: 's' });
        for (const file of paths) {
          const expected = editorFindings(dir, file, config);
          if (expected.length > 0) withFindings++;
          assert.deepEqual(run.findings.filter((f) => f.file === file).map(key).sort(), expected, `${path.basename(file)}: ${JSON.stringify(fs.readFileSync(file, 'utf8'))}`);
        }
        fs.rmSync(dir, { recursive: true, force: true });
      }),
      {
        numRuns: 120,
        seed: 20261130,
        // Where a Unicode blank decides the finding: `\s` spans it in the text, and would not in the bytes.
        examples: [
          [[['<!-- é -->\n<add\u00a0key="ClearTextPassword" value="Qm7xT2pL9vKz" />\n']], 'x.nuget.config', SECRETS_ONLY],
          [[['<!-- Ω -->\n<add key="ClearTextPassword"\u3000value="Qm7xT2pL9vKz" />\n']], 'x.nuget.config', SECRETS_ONLY],
          // 1,100 bytes, 700 characters: the generic rule runs on the text, and would not on the bytes.
          [[['中'.repeat(200), '\ndb_password = "K9mQ2vL7xR4wZ8pT"\n', 'x'.repeat(480)]], 'c.yml', SMALL_LIMIT],
        ],
      },
    );
    // The property must have exercised both the byte path and files with findings.
    assert.ok(viaBytes > 50, `only ${viaBytes} files were scanned as bytes`);
    assert.ok(withFindings > 50, `only ${withFindings} files had findings`);
  });

  it('reads as bytes only the texts where they stand in for the characters, Unicode spaces as ASCII spaces', () => {
    const view = (text: string) => latin1View(Buffer.from(text, 'utf8'));
    assert.equal(view('plain ascii = "x"'), undefined, 'ASCII decodes as fast as it reads');
    assert.equal(view('a\u2028b é'), undefined, 'a line separator ends a line for ^ and $');
    assert.equal(view('a\u2029b é'), undefined, 'a paragraph separator too');
    assert.equal(view('café\u00a0=\u3000"x"'), 'caf\u00c3\u00a9  =   "x"', 'a no-break space (2 bytes) and an ideographic space (3) are blanks to \\s');
    assert.equal(view('\ufeffk\u2003=\u202fv\u205f\u1680'), '   k   =   v      ', 'a byte-order mark, U+2003, U+202F, U+205F and U+1680 too');
    const bytes = view('voilà: “quoted” …');
    assert.ok(bytes !== undefined);
    assert.ok(!/\s/.test(bytes.replace(/[ \n]/g, '')), 'no byte of à (C3 A0) reads as a blank');
  });

  it('reads any bytes as their Latin-1 text with each Unicode space blanked and every other A0 byte as U+00A1', () => {
    // The definition, as regular expressions over the Latin-1 text; latin1View makes the same changes to the bytes.
    const spaces = /\xc2\xa0|\xe1\x9a\x80|\xe2\x80[\x80-\x8a\xaf]|\xe2\x81\x9f|\xe3\x80\x80|\xef\xbb\xbf/g;
    const expected = (bytes: Buffer) => bytes.toString('latin1').replace(spaces, (space) => ' '.repeat(space.length)).replaceAll('\u00a0', '\u00a1');
    // Pieces of the sequences that matter, whole and cut, among ASCII and stray bytes (UTF-8 or not).
    const piece = fc.constantFrom([0xc2, 0xa0], [0xa0], [0xc3, 0xa0], [0xe1, 0x9a, 0x80], [0xe2, 0x80, 0x80], [0xe2, 0x80, 0x8a], [0xe2, 0x80, 0x8b], [0xe2, 0x80, 0xaf], [0xe2, 0x80, 0x99], [0xe2, 0x80], [0xe2], [0xe2, 0x81, 0x9f], [0xe3, 0x80, 0x80], [0xef, 0xbb, 0xbf], [0xef, 0xbb], [0x20], [0x61], [0x0a], [0xff], [0x80]);
    const sample = fc.array(piece, { minLength: 1, maxLength: 30 }).map((pieces) => Buffer.from(pieces.flat()));
    let viewed = 0;
    fc.assert(
      fc.property(sample, (bytes) => {
        const view = latin1View(bytes);
        if (view === undefined) return; // ASCII: read as it is
        viewed++;
        assert.equal(view, expected(bytes));
        assert.equal(view.length, bytes.length);
      }),
      { numRuns: 2000, seed: 20261130 },
    );
    assert.ok(viewed > 1000, `only ${viewed} samples held a byte beyond ASCII`);
    const source = Buffer.from('k\u00a0= "à"', 'utf8');
    const copy = Buffer.from(source);
    latin1View(source);
    assert.deepEqual(source, copy, 'the bytes given are left as they were');
  });

  it('finds a Unicode space after any amount of the punctuation that shares its lead bytes (’ “ … —)', () => {
    const view = (text: string) => latin1View(Buffer.from(text, 'utf8'));
    for (const count of [0, 1, 64, 65, 500]) {
      const prose = `é ${'“quoted” — it’s… '.repeat(count)}`;
      const text = view(`${prose}k\u2009=\u200av`);
      assert.ok(text?.endsWith('k   =   v'), `${count} punctuation runs before a thin space and a hair space`);
      assert.equal(view(`${prose}k = v`), Buffer.from(`${prose}k = v`, 'utf8').toString('latin1'), `${count} runs and no space: the bytes as they are`);
    }
  });

  it('tells whether bytes decode to more characters than a limit: never wrongly yes, and exactly for text in the Basic Multilingual Plane', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'é', '中', '😀', '\u00a0', '\ufffd'), { maxLength: 40 }), fc.option(fc.constantFrom(0x80, 0xbf, 0xc3, 0xe2, 0xf0, 0xff)), fc.nat(50), (parts, stray, limit) => {
        const bytes = Buffer.concat([Buffer.from(parts.join(''), 'utf8'), Buffer.from(stray === null ? [] : [stray])]);
        const longer = bytes.toString('utf8').length > limit;
        // The count is a lower bound: an astral character (4 bytes) is two UTF-16 code units, a stray byte maybe none.
        if (utf16LongerThan(bytes, limit)) assert.ok(longer);
        if (stray === null && !parts.includes('😀')) assert.equal(utf16LongerThan(bytes, limit), longer);
      }),
      { numRuns: 500, seed: 20261130 },
    );
  });
});
