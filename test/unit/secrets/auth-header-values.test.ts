// The assignment scan finds `Authorization: "Bearer <token>"` only near a quoted scheme (authHeaderValues),
// which must give exactly the matches of the pattern run over the whole text.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { authHeaderValues } from '../../../server/src/checks/secrets/assignments';

// The definition: every match of the full pattern, left to right, none overlapping the one before.
const AUTH_HEADER_VALUE = /(=>|:{1,3}=|[?.+]=|<-|=|:|,)[ \t]{0,24}(\\?["'`])(?:Bearer|bearer|Basic|basic|Token|token|Digest) {1,4}([A-Za-z0-9_\-+/=.~]{8,1000})/g;
const expected = (text: string) => [...text.matchAll(AUTH_HEADER_VALUE)].map((m) => `${m.index}:${m[0]}`);
const actual = (text: string) => [...authHeaderValues(text)].map((m) => `${m.index}:${m[0]}`);

describe('auth header values', () => {
  it('finds what the pattern finds over the whole text, for texts made of its pieces', () => {
    // Operators (the longest prefix among them), blanks, backslashes, quotes, schemes with and without
    // their blank, credential characters (`=` is one, and an operator), and text between.
    const piece = fc.constantFrom('=', ':', ':=', '::=', ':::=', '=>', ',', '+=', '<-', '?=', ' ', '        ', '\t', '\\', '"', "'", '`', 'Bearer ', 'Bearer', 'bearer  ', 'Basic ', 'Token ', 'token    ', 'Digest ', 'BEARER ', 'kT9vQ2pL7x', 'Ab1=', '~.+/', '-_', '\n', 'x', '"Authorization"');
    // A header's parts in order, each part sometimes missing or cut short, so that many are near misses.
    const header = fc
      .tuple(fc.constantFrom('=', ':', ':=', '::=', ':::=', '=>', ','), fc.constantFrom('', ' ', '\t', '        ', '         ', ' '.repeat(24), ' '.repeat(25)), fc.constantFrom('', '\\'), fc.constantFrom('"', "'", '`', ''), fc.constantFrom('Bearer', 'Basic', 'token', 'Digest', 'Bear'), fc.constantFrom(' ', '  ', '    ', '     ', ''), fc.constantFrom('kT9vQ2pL', 'kT9vQ2p', 'Ab1=Ab1=Ab1=', 'x=:="Token ab', 'abcdefgh="Basic ijklmnop'))
      .map((parts) => parts.join(''));
    let found = 0;
    fc.assert(
      fc.property(fc.array(fc.oneof(piece, header), { minLength: 1, maxLength: 30 }), (pieces) => {
        const text = pieces.join('');
        const want = expected(text);
        found += want.length;
        assert.deepEqual(actual(text), want);
      }),
      { numRuns: 4000, seed: 20261130 },
    );
    assert.ok(found > 500, `only ${found} matches in the generated texts`);
  });

  it('finds each header of a real file and what follows a credential that ends with an operator', () => {
    const text = [
      'headers: { Authorization: "Bearer kT9vQ2pL7xW4zR8m" },',
      "auth = 'Basic dXNlcjpwYXNzd29yZA=='",
      // The credential takes the `=`, so the header after it is not a match of its own.
      'x = "Token abcdefgh="Token ijklmnop',
      'y :::=  \\"Digest qwertyuiop',
    ].join('\n');
    assert.deepEqual(actual(text), expected(text));
    assert.equal(actual(text).length, 4);
  });
});
