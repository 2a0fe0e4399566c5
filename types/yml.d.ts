// Rule packs are YAML files, parsed at build time (scripts/build.mjs) and in tests
// (test/helpers/register-yml.js): importing one gives its data.
declare module '*.yml' {
  const data: unknown;
  export default data;
}
