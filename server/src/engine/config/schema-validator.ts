// The validator of shipshape.yml (rules/shipshape.schema.json), compiled here on first use. The bundles
// get the same validator compiled at build time instead (Ajv's standalone code; scripts/build.mjs
// replaces this module), which saves compiling the schema (about 70 ms) at the start of every run.
// The build uses the same options: keep them in step.
import Ajv, { type ValidateFunction } from 'ajv';
import schema from '../../../../rules/shipshape.schema.json';

export function compileSchemaValidator(): ValidateFunction {
  return new Ajv({ allErrors: true, strict: false }).compile(schema);
}
