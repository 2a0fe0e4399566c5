// Inputs that try hard to break the engine: real-looking code, mutated and truncated; invalid UTF-8
// decoded as text; NUL bytes; very long lines; deep nesting; unterminated strings, templates and
// comments; mixed line endings.
import fc from 'fast-check';

const SNIPPETS = [
  'try { run(); } catch (err) {}\n',
  'import { query } from "../infra/db";\n',
  'export async function load(id: string) { return fetch(`/api/${id}`); }\n',
  'const key = "sk_live_51Hq8ZkLm3Np9Qr2St4Uv6Wx8Yz0Ab";\n',
  '-----BEGIN RSA PRIVATE KEY-----\nE+90UVmnD5PSlKvmtRlYbtn2prhhBq7VDpoGFuE34SQUTt8bSD2T9wV8gfFyBoTk\n-----END RSA PRIVATE KEY-----\n',
  '// shipshape-ignore-next-line failure/empty-catch -- reason\n',
  'password: "Tr0ub4dor&3-horse"\n',
  'class A { m() { try { this.x(); } catch { /* */ } } }\n',
  'const t = `unterminated ${',
  '/* unterminated comment',
  '"unterminated string',
  'curl -u deploy:Qm7xT2pL9vKz https://x.example.com\n',
  'kind: Secret\ndata:\n  password: UXg3bVQyUEw5dktaclc0c05qOFJ0Yw==\n',
  'postgres://orders:Xk9vQ2mzT7pL@db.internal:5432/orders\n',
];

/** Source text built from snippets, then damaged. */
export const hostileSource: fc.Arbitrary<string> = fc
  .tuple(
    fc.array(fc.constantFrom(...SNIPPETS), { maxLength: 12 }),
    fc.array(fc.oneof(
      fc.string({ maxLength: 40 }),
      fc.constantFrom('\u0000', '\r', '\r\n', '\uFFFD', '\uD800', '{'.repeat(200), '('.repeat(300), 'x'.repeat(5000)),
    ), { maxLength: 6 }),
    fc.nat(),
    fc.nat(),
  )
  .map(([snippets, noise, cut, at]) => {
    let text = snippets.join('');
    for (const piece of noise) {
      const position = text.length === 0 ? 0 : at % (text.length + 1);
      text = text.slice(0, position) + piece + text.slice(position);
    }
    return text.length === 0 ? text : text.slice(0, cut % (text.length + 1) || text.length);
  });

/** Random bytes decoded as UTF-8, as an editor would show a file that is not valid UTF-8. */
export const invalidUtf8: fc.Arbitrary<string> = fc.uint8Array({ maxLength: 400 }).map((bytes) => Buffer.from(bytes).toString('utf8'));

export const fileNames = fc.constantFrom('a.ts', 'a.tsx', 'a.js', 'a.mjs', 'a.py', 'a.yml', 'a.json', '.env', 'Dockerfile', 'a.txt', 'src/domain/x.ts');

/** YAML that is malformed in every way a config can be. */
export const hostileConfig: fc.Arbitrary<string> = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.constantFrom(
    'rules: [',
    'rules:\n  failure/empty-catch: 7\n',
    'architecture:\n  layers: 5\n',
    'architecture:\n  layers:\n    a: [1, 2]\n  constraints:\n    - layer: b\n',
    'ignore: ["[invalid"]\n',
    'secrets:\n  custom:\n    - id: x\n      regex: "(?<=a)"\n',
    'a: &a [1,1,1,1,1,1,1,1,1,1]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: [*d,*d,*d,*d,*d,*d,*d,*d,*d,*d]\n',
    `rules:\n${'  failure/empty-catch: error\n'.repeat(2000)}`,
    'limits:\n  maxFileSizeKB: -1\n',
    '\u0000\u0001',
  ),
  fc.dictionary(fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 6 }).map((value) => JSON.stringify(value)),
);

/** How many cases each property runs: small in `npm test`, large with `npm run fuzz` (FUZZ_RUNS). */
export const RUNS = Number(process.env.FUZZ_RUNS ?? 150);
