// Rule packs are YAML files inlined as text by the bundler (and by test/helpers/register-yml.js in tests).
declare module '*.yml' {
  const text: string;
  export default text;
}
