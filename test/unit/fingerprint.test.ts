import * as assert from 'node:assert/strict';
import { analyse, visible } from '../helpers/engine';

const PEM = '-----BEGIN RSA PRIVATE KEY-----\nE+90UVmnD5PSlKvmtRlYbtn2prhhBq7VDpoGFuE34SQUTt8bSD2T9wV8gfFyBoTk\nojC72qY6vNfDlZ+jDnp5SSDSPq5lhPPgCl89xeGmNrKjDM1Tqd1l0t6gsUYNnR5b\n-----END RSA PRIVATE KEY-----';

describe('fingerprints', () => {
  it('are 16 hex characters and ignore line numbers and indentation', () => {
    const [a] = visible(analyse('try { x(); } catch (e) {}'));
    const [b] = visible(analyse('\n\n\n    try {   x(); }   catch (e) {}'));
    assert.match(a.fingerprint, /^[0-9a-f]{16}$/);
    assert.equal(a.fingerprint, b.fingerprint);
  });

  it('depend on the rule, the file path and the offending code', () => {
    const base = visible(analyse('try { x(); } catch (e) {}', { filename: 'src/a.ts' }))[0].fingerprint;
    assert.notEqual(visible(analyse('try { x(); } catch (e) {}', { filename: 'src/b.ts' }))[0].fingerprint, base);
    assert.notEqual(visible(analyse('try { y(); } catch (e) {}', { filename: 'src/a.ts' }))[0].fingerprint, base);
  });

  it('salt secrets, so the same key gives different fingerprints in different repositories', () => {
    const one = visible(analyse(PEM, { filename: 'k.pem', salt: 'repo-1' }))[0];
    const two = visible(analyse(PEM, { filename: 'k.pem', salt: 'repo-2' }))[0];
    assert.notEqual(one.fingerprint, two.fingerprint);
    assert.equal(visible(analyse(PEM, { filename: 'k.pem', salt: 'repo-1' }))[0].fingerprint, one.fingerprint);
  });

  it('never put the secret in a finding (only in a fix change marked sensitive)', () => {
    const [finding] = visible(analyse(`const k = \`${PEM}\`;`));
    const { fixes, ...rest } = finding;
    const serialised = JSON.stringify(rest);
    for (const change of fixes?.flatMap((fix) => fix.changes) ?? []) {
      if (change.newText.includes('E+90UVmnD5PSlKvm')) assert.equal(change.sensitive, true, `change to ${change.path} holds the secret`);
    }
    for (const fragment of ['E+90UVmnD5PSlKvm', 'ojC72qY6vNfDlZ', 'nR5b']) assert.ok(!serialised.includes(fragment), fragment);
  });
});
