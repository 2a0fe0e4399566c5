// A Kubernetes Secret's data holds values base64-encoded. One that decodes to a token a provider's rule
// finds whole is reported as that provider's secret (the message names it), with nothing of it shown:
// a prefix of the encoded text is not the provider's public prefix.
import * as assert from 'node:assert/strict';
import { analyse, visible } from '../../helpers/engine';

const b64 = (text: string) => Buffer.from(text).toString('base64');
const STRIPE = 'sk_live_51Hq8ZkLm3Np9Qr2St4Uv6Wx8Yz0Ab';
const manifest = (data: string) => `apiVersion: v1\nkind: Secret\nmetadata:\n  name: app\ndata:\n${data}`;
const found = (code: string) => visible(analyse(code, { filename: 'deploy/k8s/secret.yaml' })).filter((f) => f.family === 'secrets');

describe('secrets in a Kubernetes Secret, base64-encoded', () => {
  it("names the provider of a value that decodes to its token, showing only the length", () => {
    const [finding, ...rest] = found(manifest(`  STRIPE_SECRET_KEY: ${b64(STRIPE)}\n`));
    assert.deepEqual(rest, []);
    assert.equal(finding.ruleId, 'secrets/stripe-key');
    assert.equal(finding.line, 6);
    assert.match(finding.message, new RegExp(`\\(${b64(STRIPE).length} characters\\)`));
    assert.ok(!finding.message.includes(b64(STRIPE).slice(0, 6)), finding.message);
  });

  it('keeps the Kubernetes rule for a value of no known format, and for a token inside a longer value', () => {
    assert.deepEqual(found(manifest(`  password: ${b64('Qx7mT2PL9vKZrW4sNj8Rtc')}\n`)).map((f) => f.ruleId), ['secrets/kubernetes-secret']);
    assert.deepEqual(found(manifest(`  env: ${b64(`KEY=${STRIPE}`)}\n`)).map((f) => f.ruleId), ['secrets/kubernetes-secret']);
  });
});
