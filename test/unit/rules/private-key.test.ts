import { ruleTable } from '../../helpers/rule-tester';

const BODY = [
  'E+90UVmnD5PSlKvmtRlYbtn2prhhBq7VDpoGFuE34SQUTt8bSD2T9wV8gfFyBoTk',
  'ojC72qY6vNfDlZ+jDnp5SSDSPq5lhPPgCl89xeGmNrKjDM1Tqd1l0t6gsUYNnR5b',
];
const PEM = `-----BEGIN RSA PRIVATE KEY-----\n${BODY.join('\n')}\n-----END RSA PRIVATE KEY-----`;

ruleTable('secrets/private-key', {
  valid: [
    { code: '-----BEGIN PUBLIC KEY-----\n' + BODY.join('\n') + '\n-----END PUBLIC KEY-----\n', filename: 'keys/pub.pem' },
    'const header = "-----BEGIN PRIVATE KEY-----";',
    { code: 'key: "-----BEGIN PRIVATE KEY-----\\nREPLACE_ME\\n-----END PRIVATE KEY-----"\n', filename: 'config.yml' },
    { code: `const key = \`${PEM}\`;`, config: 'secrets:\n  allow:\n    paths: ["test/fixtures/**"]\n', filename: 'test/fixtures/key.ts' },
  ],
  invalid: [
    { code: `const key = \`${PEM}\`;`, errors: [{ line: 1, column: 14, endLine: 4, endColumn: 30, severity: 'error', message: /^Private key hardcoded \(\d+ characters\): anyone who can read this code/ }] },
    { code: `${PEM}\n`, filename: 'id_rsa', errors: [{ line: 1, column: 1 }] },
    { code: `KEY="${PEM.replace(/\n/g, '\\n')}"\n`, filename: '.env', errors: [{ line: 1, column: 6, endLine: 1 }] },
    { code: `{"private_key": "${PEM.replace(/\n/g, '\\n').replace('RSA ', '')}"}`, filename: 'sa.json', errors: [{ line: 1, column: 18, message: /^Private key hardcoded/ }] },
  ],
});
