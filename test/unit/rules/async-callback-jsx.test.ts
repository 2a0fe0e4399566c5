// More failure/async-callback cases: JSX props typed by the component's first parameter (function
// declarations, function expressions, arrows; self-closing and with children; not for untyped,
// parameterless, dotted or unknown components, promise-typed props, string props or spreads), and
// functions returned where the variable's type (through aliases), an arrow's declared return type or a
// getter says the returned function returns void.
import { ruleTable } from '../../helpers/rule-tester';

ruleTable('failure/async-callback', {
  valid: [
    { filename: "src/a.tsx", code: "const Form = (props) => null;\nconst x = <Form onSave={async () => {}} />;" },
    { filename: "src/a.tsx", code: "const Form = () => null;\nconst x = <Form onSave={async () => {}} />;" },
    { filename: "src/a.tsx", code: "type P = { onSave: () => void };\nconst Form = (props: P) => null;\nconst x = <ui.Form onSave={async () => {}} />;" },
    { filename: "src/a.tsx", code: "type P = { onSave: () => Promise<void> };\nconst Form = (props: P) => null;\nconst x = <Form onSave={async () => {}} />;" },
    { filename: "src/a.tsx", code: "type P = { onSave: () => void };\nconst Form = (props: P) => null;\nconst x = <Form onSave=\"x\" />;" },
    { filename: "src/a.tsx", code: "type P = { onSave: () => void };\nconst Form = (props: P) => null;\nconst x = <Form {...p} />;" },
    { filename: "src/a.tsx", code: "type P = { onSave: () => void };\nlet Form;\nconst x = <Form onSave={async () => {}} />;" },
    { filename: "src/a.tsx", code: "function outer() { const inner = () => { return async () => {}; }; }" },
  ],
  invalid: [
    { filename: "src/a.tsx", code: "type P = { onSave: () => void };\nfunction Form(props: P) { return null; }\nconst x = <Form onSave={async () => {}} />;", errors: [{ line: 3, column: 25, endLine: 3, endColumn: 36 }] },
    { filename: "src/a.tsx", code: "type P = { onSave: () => void };\nconst Form = function (props: P) { return null; };\nconst x = <Form onSave={async () => {}}></Form>;", errors: [{ line: 3, column: 25, endLine: 3, endColumn: 36 }] },
    { filename: "src/a.tsx", code: "type P = { onSave: () => void };\nconst Form = (props: P) => null;\nconst x = <Form onSave={async () => {}}>child</Form>;", errors: [{ line: 3, column: 25, endLine: 3, endColumn: 36 }] },
    { filename: "src/a.tsx", code: "type F = () => () => void;\nconst make: F = () => { return async () => {}; };", errors: [{ line: 2, column: 32, endLine: 2, endColumn: 43 }] },
    { filename: "src/a.tsx", code: "type F = () => () => void;\ntype G = F;\nconst make: G = () => { return async () => {}; };", errors: [{ line: 3, column: 32, endLine: 3, endColumn: 43 }] },
    { filename: "src/a.tsx", code: "const make: () => () => void = function () { return async () => {}; };", errors: [{ line: 1, column: 53, endLine: 1, endColumn: 64 }] },
    { filename: "src/a.tsx", code: "const make = (): (() => void) => { return async () => {}; };", errors: [{ line: 1, column: 43, endLine: 1, endColumn: 54 }] },
    { filename: "src/a.tsx", code: "class K { get f(): () => void { return async () => {}; } }", errors: [{ line: 1, column: 40, endLine: 1, endColumn: 51 }] },
  ],
});
