// Secrets in Terraform: the block names the provider the attribute leaves out (`provider "aws" {
// secret_key = … }`), so the provider's keyed rule finds the value instead of the generic rule. The
// label only adds matches: a value of another format under the block stays the generic rule's.
import * as assert from 'node:assert/strict';
import { analyse, visible } from '../../helpers/engine';

// Fake values in the providers' documented shapes (40 base64 characters for AWS, 40 for Cloudflare).
const AWS_SECRET = 'Zx8kQ2vL9mN4pR7tW1yB5cD3fG6hJ0kM2nP8qS4u';
const CLOUDFLARE = 'Xk9vQ2mzT7pLr4Wn8Bq3Yc6Hd1Jf5Gs0Ku2Ea7Vo';
const OTHER_KEY = 'kT9vQ2pL7xW4zR8mQ3Zx';
const rules = (code: string, filename = 'infra/main.tf') => visible(analyse(code, { filename })).filter((f) => f.family === 'secrets').map((f) => `${f.ruleId} ${f.line}`);

describe('secrets in Terraform blocks', () => {
  it("finds a provider's key by its block's label", () => {
    const code = `provider "aws" {\n  region     = "eu-west-1"\n  secret_key = "${AWS_SECRET}"\n}\n\nprovider "cloudflare" {\n  # comment with a { brace\n  api_token = "${CLOUDFLARE}"\n}\n`;
    assert.deepEqual(rules(code), ['secrets/aws-secret-access-key 3', 'secrets/cloudflare-api-key 8']);
  });

  it('reads the label only in Terraform and HCL files, and only inside the block', () => {
    const outside = `provider "aws" {\n  region = "eu-west-1"\n}\nsecret_key = "${AWS_SECRET}"\n`;
    assert.deepEqual(rules(outside), ['secrets/generic-credential 4']);
    const yaml = `provider "aws" {\n  secret_key = "${AWS_SECRET}"\n}\n`;
    assert.deepEqual(rules(yaml, 'notes.txt'), ['secrets/generic-credential 2']);
  });

  it("reads a variable's default as the variable's value, named by it", () => {
    const code = `variable "db_password" {\n  type      = string\n  sensitive = true\n  default   = "${OTHER_KEY}"\n}\n\nvariable "region" {\n  default = "eu-west-1a-zone-3b"\n}\n`;
    assert.deepEqual(rules(code), ['secrets/generic-credential 4']);
    const message = visible(analyse(code, { filename: 'variables.tf' })).find((f) => f.family === 'secrets')?.message ?? '';
    assert.match(message, /in `db_password`/);
    // Outside a variable block, `default` names nothing.
    assert.deepEqual(rules(`locals {\n  default = "${OTHER_KEY}"\n}\n`), []);
  });

  it("leaves a value of another format to the generic rule", () => {
    const code = `resource "cloudflare_record" "www" {\n  api_key = "${OTHER_KEY}"\n}\n`;
    assert.deepEqual(rules(code), ['secrets/generic-credential 2']);
  });
});
