// The secrets pass itself (scanForSecrets) over a small rule pack of its own, so the rule index is built
// for this pack (the built-in one is compiled once per process): keyword prefilter (long keywords,
// short and common ones always run), keyed rules by provider word, rules limited to paths, `near`
// words on the same line, names given to format matches, the generic rule, truncated values, and the
// most specific finding kept where finds overlap.
import * as assert from 'node:assert/strict';
import { parseRulePack } from '../../../server/src/checks/secrets/rule-pack';
import { scanForSecrets, type ScanOptions } from '../../../server/src/checks/secrets/scan';

const PACK = `rules:
  - id: secrets/acme-token
    title: Acme token
    provider: Acme
    keywords: [acme_]
    pattern: 'acme_[a-z0-9]{16}'
    entropy: 0
    examples: { match: [], noMatch: [] }
  - id: secrets/xy-token
    title: XY token
    provider: XY
    keywords: [xy]
    pattern: 'xy[0-9]{12}'
    entropy: 0
    examples: { match: [], noMatch: [] }
  - id: secrets/secret-word
    title: Secret word token
    provider: Word
    keywords: [sec-]
    pattern: 'sec-[A-Z]{10}'
    entropy: 0
    examples: { match: [], noMatch: [] }
  - id: secrets/near-token
    title: Near token
    provider: Near
    keywords: [nt-]
    pattern: 'nt-[a-z]{12}'
    near: [Widget]
    entropy: 0
    examples: { match: [], noMatch: [] }
  - id: secrets/infra-token
    title: Infra token
    provider: Infra
    keywords: [inf_]
    pattern: 'inf_[a-z0-9]{12}'
    paths: ['**/*.tf']
    entropy: 0
    examples: { match: [], noMatch: [] }
  - id: secrets/low-url
    title: URL thing
    provider: URL
    keywords: [acme_]
    pattern: 'acme_[a-z0-9]{16}/[a-z]+'
    priority: low
    entropy: 0
    examples: { match: [], noMatch: [] }
  - id: secrets/etsy-key
    title: Etsy key
    provider: Etsy
    names: [etsy]
    value: '[a-z0-9]{24}'
    entropy: 0
    examples: { match: [], noMatch: [] }
  - id: secrets/quoted-key
    title: Quoted key
    provider: Quoted
    names: [quoted_thing]
    value: '[a-z0-9]{20}'
    quotedOnly: true
    entropy: 0
    examples: { match: [], noMatch: [] }
`;

function scan(text: string, options: Partial<ScanOptions> & { path?: string } = {}): string[] {
  const rules = parseRulePack(PACK); // a fresh pack each time: its index is built for this scan
  const matchesPath = (globs: string[]) => globs.some((glob) => glob === '**/*.tf' && (options.path ?? '').endsWith('.tf'));
  return scanForSecrets(text, rules, { matchesPath, scriptFile: options.scriptFile ?? false, generic: options.generic ?? false }).map(
    (m) => `${m.rule?.id ?? 'generic'} ${m.start}-${m.end} ${m.value}${m.name ? ` name=${m.name}` : ''}`,
  );
}

describe('secrets scan (own rule pack)', () => {
  it('finds pattern rules behind their keywords, short and common keywords included', () => {
    assert.deepEqual(scan('t = acme_0123456789abcdef\n'), ['secrets/acme-token 4-25 acme_0123456789abcdef name=t']);
    assert.deepEqual(scan('see xy012345678901 and SEC-KQWZMRTPLX\n'), ['secrets/xy-token 4-18 xy012345678901']);
    assert.deepEqual(scan('a sec-KQWZMRTPLX b\n'), ['secrets/secret-word 2-16 sec-KQWZMRTPLX']);
    assert.deepEqual(scan('ACME_0123456789ABCDEF acme_short\n'), []);
  });

  it('keeps the more specific of overlapping finds, and names format matches after their assignment', () => {
    assert.deepEqual(scan('u = acme_0123456789abcdef/path\n'), ['secrets/acme-token 4-25 acme_0123456789abcdef name=u']);
    assert.deepEqual(scan('x acme_0123456789abcdef y acme_fedcba9876543210\n'), ['secrets/acme-token 2-23 acme_0123456789abcdef', 'secrets/acme-token 26-47 acme_fedcba9876543210']);
  });

  it('applies `near` words on the same line only, and `paths`', () => {
    assert.deepEqual(scan('widget key nt-qwzmrtplxkvb\n'), ['secrets/near-token 11-26 nt-qwzmrtplxkvb']);
    assert.deepEqual(scan('widget\nkey nt-qwzmrtplxkvb\n'), []);
    assert.deepEqual(scan('k = inf_0123456789ab\n', { path: 'main.tf' }), ['secrets/infra-token 4-20 inf_0123456789ab name=k']);
    assert.deepEqual(scan('k = inf_0123456789ab\n', { path: 'main.py' }), []);
  });

  it('finds keyed rules by a provider word that starts a word of the name, in the right format', () => {
    assert.deepEqual(scan('etsyApiKey = q7wz3mr9tp2lx8kv5bn4jh6g\n'), ['secrets/etsy-key 13-37 q7wz3mr9tp2lx8kv5bn4jh6g name=etsyApiKey']);
    assert.deepEqual(scan('setsy_key = q7wz3mr9tp2lx8kv5bn4jh6g\n'), []);
    // Named but not in the provider's format: no finding, not even from the generic rule.
    assert.deepEqual(scan('etsy_password = "kT9#vQ2!pL7@xW4zR"\n', { generic: true }), []);
    assert.deepEqual(scan('quoted_thing = q7wz3mr9tp2lx8kv5bn4\n'), []);
    assert.deepEqual(scan('quoted_thing = "q7wz3mr9tp2lx8kv5bn4"\n'), ['secrets/quoted-key 16-36 q7wz3mr9tp2lx8kv5bn4 name=quoted_thing']);
  });

  it('runs the generic rule only when asked, and not on truncated values', () => {
    assert.deepEqual(scan('password = "kT9#vQ2!pL7@xW4zR"\n'), []);
    assert.deepEqual(scan('password = "kT9#vQ2!pL7@xW4zR"\n', { generic: true }), ['generic 12-29 kT9#vQ2!pL7@xW4zR name=password']);
    assert.deepEqual(scan('password = kT9#vQ2!pL7@xW4zR...\n', { generic: true }), []);
    assert.deepEqual(scan('password = kT9#vQ2!pL7@xW4zR… more\n', { generic: true }), []);
    assert.deepEqual(scan('password = kT9#vQ2!pL7@xW4zR [REDACTED]\n', { generic: true }), []);
    assert.deepEqual(scan('password = kT9#vQ2!pL7@xW4zR\n', { generic: true, scriptFile: true }), []);
  });
});
