// failure/throw-non-error: `throw` of a value that cannot be an Error (a string, number, template,
// plain object, or a const initialised with one), and `Promise.reject(x)` / an executor's
// `reject(x)` with such a value. Identifiers of unknown origin, calls, `new X()` and member reads
// could be Errors and are never reported: without types, precision comes first.
import ts from 'typescript';
import type { Check, RawFix } from '../../engine/types';
import { kindsOf, nodesToCheck, type NodeKinds } from './support/syntax-nodes';

// The node kinds this rule looks at (see support/syntax-nodes.ts).
let visitedKinds: NodeKinds | undefined;
const visited = () => (visitedKinds ??= kindsOf(ts.SyntaxKind.ThrowStatement, ts.SyntaxKind.CallExpression));

const RULE_ID = 'failure/throw-non-error';

type Kind = 'string' | 'number' | 'object' | 'value';

export const throwNonError: Check = {
  meta: {
    id: RULE_ID,
    family: 'failure',
    title: 'Throwing or rejecting with a non-Error',
    rationale:
      'A thrown string, number or plain object has no stack trace: in production the log says "Uncaught abc" with no file or line, error trackers group every such failure together, and handlers that read `err.message`, `err.cause` or check `instanceof Error` break.',
    remedy: 'Throw (or reject with) an Error: `throw new Error("order not found")`, or a subclass carrying the extra fields.',
    defaultSeverity: 'warning',
    instruction: {
      text: 'Throw only `Error`s.',
      recap: 'only Errors thrown',
    },
    languages: ['typescript', 'javascript'],
    fixable: true,
    examples: {
      bad: ['throw "order not found";', 'throw { code: 404, message: "not found" };', 'return Promise.reject(`no user ${id}`);', 'new Promise((resolve, reject) => reject("timeout"));'],
      good: ['throw new Error("order not found");', 'try { run(); } catch (err) { throw err; }', 'return Promise.reject(new NotFoundError(id));'],
    },
  },
  statementLocal: true,
  run(context) {
    const tree = context.tsTree();
    const text = context.document.text;
    if (!tree || !/throw|Promise/.test(text)) return;
    const check = (expression: ts.Expression, how: 'throw' | 'reject'): void => {
      const kind = nonErrorKind(expression, 0);
      if (kind) report(expression, kind, how, fixFor(expression, kind, tree));
    };
    const report = (node: ts.Node, kind: Kind, how: 'throw' | 'reject', fix: RawFix | undefined): void => {
      context.report({ ruleId: RULE_ID, start: node.getStart(tree), end: node.end, message: message(kind, how), ...(fix ? { fixes: [fix] } : {}) });
    };
    for (const node of nodesToCheck(tree, visited())) {
      if (ts.isThrowStatement(node)) {
        check(node.expression, 'throw');
      } else if (ts.isCallExpression(node) && isReject(node)) {
        const argument = node.arguments[0];
        if (argument) check(argument, 'reject');
        else report(node, 'value', 'reject', undefined);
      }
    }
  },
};

/** `Promise.reject(...)`, or a call of the `reject` parameter of a `new Promise(executor)`. */
function isReject(call: ts.CallExpression): boolean {
  const callee = call.expression;
  if (ts.isPropertyAccessExpression(callee)) return callee.name.text === 'reject' && ts.isIdentifier(callee.expression) && callee.expression.text === 'Promise';
  if (!ts.isIdentifier(callee)) return false;
  for (let node: ts.Node | undefined = call.parent; node; node = node.parent) {
    if (!ts.isFunctionLike(node)) continue;
    const declared = node.parameters.findIndex((p) => ts.isIdentifier(p.name) && p.name.text === callee.text);
    if (declared === -1) continue;
    const isExecutor = declared === 1 && (ts.isArrowFunction(node) || ts.isFunctionExpression(node)) && ts.isNewExpression(node.parent) && ts.isIdentifier(node.parent.expression) && node.parent.expression.text === 'Promise';
    return isExecutor;
  }
  return false;
}

/** What a thrown expression certainly is when it cannot be an Error; undefined when it could be one. */
function nonErrorKind(expression: ts.Expression, depth: number): Kind | undefined {
  const e = skipOuter(expression);
  switch (e.kind) {
    case ts.SyntaxKind.StringLiteral:
    case ts.SyntaxKind.NoSubstitutionTemplateLiteral:
    case ts.SyntaxKind.TemplateExpression:
      return 'string';
    case ts.SyntaxKind.NumericLiteral:
    case ts.SyntaxKind.BigIntLiteral:
      return 'number';
    case ts.SyntaxKind.ObjectLiteralExpression:
    case ts.SyntaxKind.ArrayLiteralExpression:
      return 'object';
    case ts.SyntaxKind.TrueKeyword:
    case ts.SyntaxKind.FalseKeyword:
    case ts.SyntaxKind.NullKeyword:
    case ts.SyntaxKind.RegularExpressionLiteral:
    case ts.SyntaxKind.VoidExpression:
    case ts.SyntaxKind.TypeOfExpression:
      return 'value';
    case ts.SyntaxKind.PrefixUnaryExpression:
      return (e as ts.PrefixUnaryExpression).operator === ts.SyntaxKind.ExclamationToken ? 'value' : 'number';
    case ts.SyntaxKind.PostfixUnaryExpression:
      return 'number';
    case ts.SyntaxKind.Identifier: {
      if (depth > 3) return undefined;
      const declaration = declarationOf(e as ts.Identifier);
      if ((e as ts.Identifier).text === 'undefined') return declaration ? undefined : 'value';
      if (!declaration) return undefined;
      if (declaration.type && isNonErrorType(declaration.type, declaration)) return 'value';
      return declaration.constInitializer ? nonErrorKind(declaration.constInitializer, depth + 1) : undefined;
    }
    case ts.SyntaxKind.PropertyAccessExpression: {
      // `const detail = { msg: "x" }; throw detail.msg;`
      const access = e as ts.PropertyAccessExpression;
      if (depth > 3 || !ts.isIdentifier(access.expression)) return undefined;
      const object = declarationOf(access.expression)?.constInitializer;
      if (!object || !ts.isObjectLiteralExpression(object)) return undefined;
      const property = object.properties.find((p): p is ts.PropertyAssignment => ts.isPropertyAssignment(p) && ts.isIdentifier(p.name) && p.name.text === access.name.text);
      return property ? nonErrorKind(property.initializer, depth + 1) : undefined;
    }
    case ts.SyntaxKind.NewExpression: {
      // `new String("x")`, or a class of this file whose `extends` chain ends without an Error.
      const callee = (e as ts.NewExpression).expression;
      if (!ts.isIdentifier(callee)) return undefined;
      if (['String', 'Number', 'Boolean', 'Object', 'Array', 'Map', 'Set', 'Date', 'RegExp'].includes(callee.text)) return callee.text === 'String' ? 'string' : 'value';
      return isLocalNonErrorClass(callee, 0) ? 'object' : undefined;
    }
    case ts.SyntaxKind.CallExpression: {
      const call = e as ts.CallExpression;
      // `Object.assign({...}, ...)` is a plain object; a function of this file that returns nothing yields undefined.
      if (ts.isPropertyAccessExpression(call.expression) && ts.isIdentifier(call.expression.expression) && call.expression.expression.text === 'Object' && call.expression.name.text === 'assign') {
        const target = call.arguments[0];
        return target && ts.isObjectLiteralExpression(skipOuter(target)) ? 'object' : undefined;
      }
      return ts.isIdentifier(call.expression) && returnsNothing(call.expression) ? 'value' : undefined;
    }
    case ts.SyntaxKind.BinaryExpression: {
      const binary = e as ts.BinaryExpression;
      const op = binary.operatorToken.kind;
      if (op === ts.SyntaxKind.PlusToken) {
        const left = nonErrorKind(binary.left, depth);
        const right = nonErrorKind(binary.right, depth);
        return left === 'string' || right === 'string' ? 'string' : left === 'number' && right === 'number' ? 'number' : undefined;
      }
      if (op === ts.SyntaxKind.EqualsToken || op === ts.SyntaxKind.CommaToken || op === ts.SyntaxKind.AmpersandAmpersandToken || op === ts.SyntaxKind.AmpersandAmpersandEqualsToken) return nonErrorKind(binary.right, depth);
      if (op === ts.SyntaxKind.BarBarToken || op === ts.SyntaxKind.QuestionQuestionToken || op === ts.SyntaxKind.BarBarEqualsToken || op === ts.SyntaxKind.QuestionQuestionEqualsToken) {
        // A left side that is always used (a truthy literal for ||, a non-null one for ??) decides alone.
        const left = nonErrorKind(binary.left, depth);
        if (left && isAlwaysTaken(binary.left, op)) return left;
        const right = nonErrorKind(binary.right, depth);
        return left && right ? right : undefined;
      }
      // Arithmetic, bitwise and comparison operators, compound assignments included, yield numbers, strings or booleans.
      if (op === ts.SyntaxKind.InstanceOfKeyword || op === ts.SyntaxKind.InKeyword) return 'value';
      if (ts.SyntaxKind.FirstBinaryOperator <= op && op <= ts.SyntaxKind.LastBinaryOperator) return 'value';
      return undefined;
    }
    case ts.SyntaxKind.ConditionalExpression: {
      const conditional = e as ts.ConditionalExpression;
      const whenTrue = nonErrorKind(conditional.whenTrue, depth);
      const whenFalse = nonErrorKind(conditional.whenFalse, depth);
      // One branch that certainly throws a non-Error is already the bug.
      return whenTrue ?? whenFalse;
    }
    default:
      return undefined;
  }
}

function skipOuter(expression: ts.Expression): ts.Expression {
  let e = expression;
  while (ts.isParenthesizedExpression(e) || ts.isAsExpression(e) || ts.isSatisfiesExpression(e) || ts.isNonNullExpression(e) || ts.isTypeAssertionExpression(e)) {
    // `x as string` says what the value is.
    // `x as string` says what the value is; `x as Error` is the author's word that it is an Error.
    if (ts.isAsExpression(e) || ts.isTypeAssertionExpression(e)) {
      if (!primitiveTypeKinds().has(e.type.kind)) return e;
      return e.type.kind === ts.SyntaxKind.StringKeyword ? ts.factory.createStringLiteral('') : ts.factory.createNull();
    }
    e = e.expression;
  }
  return e;
}

// Built on first use: TypeScript loads only when a check needs it (see scripts/build.mjs).
let primitiveTypes: ReadonlySet<ts.SyntaxKind> | undefined;
const primitiveTypeKinds = () => (primitiveTypes ??= new Set<ts.SyntaxKind>([
  ts.SyntaxKind.StringKeyword,
  ts.SyntaxKind.NumberKeyword,
  ts.SyntaxKind.BooleanKeyword,
  ts.SyntaxKind.BigIntKeyword,
  ts.SyntaxKind.SymbolKeyword,
  ts.SyntaxKind.UndefinedKeyword,
  ts.SyntaxKind.VoidKeyword,
]));

/** A declared type that admits a non-Error: a primitive, a literal type, an object type literal, or a union holding one. */
function isNonErrorType(type: ts.TypeNode, declaration: Declaration): boolean {
  if (primitiveTypeKinds().has(type.kind) || ts.isLiteralTypeNode(type) || ts.isTypeLiteralNode(type)) return true;
  // `Error | undefined` (a `lastError` kept across retries) is left alone: only a member that is a value counts.
  if (ts.isUnionTypeNode(type)) return type.types.some((t) => !isNullishType(t) && isNonErrorType(t, declaration));
  if (ts.isParenthesizedTypeNode(type)) return isNonErrorType(type.type, declaration);
  // A type parameter constrained to a primitive (`T extends number`).
  if (ts.isTypeReferenceNode(type) && ts.isIdentifier(type.typeName) && !type.typeArguments) {
    const name = type.typeName.text;
    for (let node: ts.Node | undefined = declaration.node; node; node = node.parent) {
      const parameter = (ts.isFunctionLike(node) || ts.isClassLike(node)) ? node.typeParameters?.find((p) => p.name.text === name) : undefined;
      if (parameter) return !!parameter.constraint && isNonErrorType(parameter.constraint, declaration);
    }
  }
  return false;
}

function isNullishType(type: ts.TypeNode): boolean {
  return type.kind === ts.SyntaxKind.UndefinedKeyword || type.kind === ts.SyntaxKind.VoidKeyword || (ts.isLiteralTypeNode(type) && type.literal.kind === ts.SyntaxKind.NullKeyword);
}

/** `a || b` always yields a for a truthy literal; `a ?? b` for any non-null literal. */
function isAlwaysTaken(left: ts.Expression, op: ts.SyntaxKind): boolean {
  const e = skipOuter(left);
  const nullish = e.kind === ts.SyntaxKind.NullKeyword || (ts.isIdentifier(e) && e.text === 'undefined');
  if (op === ts.SyntaxKind.QuestionQuestionToken || op === ts.SyntaxKind.QuestionQuestionEqualsToken) return (ts.isLiteralExpression(e) || ts.isObjectLiteralExpression(e) || ts.isArrayLiteralExpression(e) || ts.isTemplateExpression(e)) && !nullish;
  if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) return e.text.length > 0;
  if (ts.isNumericLiteral(e)) return Number(e.text) !== 0;
  return ts.isObjectLiteralExpression(e) || ts.isArrayLiteralExpression(e) || e.kind === ts.SyntaxKind.TrueKeyword;
}

/** A class declared in this file whose `extends` chain ends in a class with no `extends` (so not an Error). */
function isLocalNonErrorClass(name: ts.Identifier, depth: number): boolean {
  if (depth > 5) return false;
  const declaration = name.getSourceFile().statements.find((s): s is ts.ClassDeclaration => ts.isClassDeclaration(s) && s.name?.text === name.text);
  if (!declaration) return false;
  const heritage = declaration.heritageClauses?.find((h) => h.token === ts.SyntaxKind.ExtendsKeyword)?.types[0]?.expression;
  if (!heritage) return true;
  return ts.isIdentifier(heritage) && isLocalNonErrorClass(heritage, depth + 1);
}

/** A function declared at the top of this file whose body never returns a value. */
function returnsNothing(name: ts.Identifier): boolean {
  const declaration = name.getSourceFile().statements.find((s): s is ts.FunctionDeclaration => ts.isFunctionDeclaration(s) && s.name?.text === name.text);
  if (!declaration?.body || declaration.type || declaration.asteriskToken || declaration.modifiers?.some((m) => m.kind === ts.SyntaxKind.AsyncKeyword)) return false;
  let returns = false;
  const visit = (node: ts.Node): void => {
    if (returns || (ts.isFunctionLike(node) && node !== declaration)) return;
    if ((ts.isReturnStatement(node) && node.expression) || ts.isThrowStatement(node)) returns = true;
    else ts.forEachChild(node, visit);
  };
  visit(declaration.body);
  return !returns;
}

interface Declaration {
  node: ts.Node;
  type?: ts.TypeNode;
  /** The initializer, when the binding is a `const` (never reassigned). */
  constInitializer?: ts.Expression;
}

/**
 * The declaration an identifier refers to, found in the enclosing scopes: a parameter, a catch
 * binding, or a variable of an enclosing block. Undefined when it is declared elsewhere (imports,
 * hoisted functions, globals): unknown, never reported.
 */
function declarationOf(identifier: ts.Identifier): Declaration | undefined {
  const name = identifier.text;
  for (let node: ts.Node | undefined = identifier.parent; node; node = node.parent) {
    if (ts.isFunctionLike(node)) {
      const parameter = node.parameters.find((p) => declares(p.name, name));
      if (parameter) return { node: parameter, ...(ts.isIdentifier(parameter.name) && parameter.type && !parameter.dotDotDotToken && !parameter.questionToken ? { type: parameter.type } : {}) };
    }
    if (ts.isCatchClause(node) && node.variableDeclaration && declares(node.variableDeclaration.name, name)) return { node: node.variableDeclaration };
    if (ts.isBlock(node) || ts.isSourceFile(node) || ts.isModuleBlock(node) || ts.isCaseClause(node) || ts.isDefaultClause(node)) {
      for (const statement of node.statements) {
        if (!ts.isVariableStatement(statement)) continue;
        for (const declaration of statement.declarationList.declarations) {
          if (!declares(declaration.name, name)) continue;
          if (!ts.isIdentifier(declaration.name)) return { node: declaration };
          const isConst = (statement.declarationList.flags & ts.NodeFlags.Const) !== 0;
          return { node: declaration, ...(declaration.type ? { type: declaration.type } : {}), ...(isConst && declaration.initializer ? { constInitializer: declaration.initializer } : {}) };
        }
      }
    }
  }
  return undefined;
}

function declares(binding: ts.BindingName, name: string): boolean {
  if (ts.isIdentifier(binding)) return binding.text === name;
  return binding.elements.some((element) => !ts.isOmittedExpression(element) && declares(element.name, name));
}

/**
 * Wrap in an Error. A string or template becomes the message; a number `String(n)`; an object literal
 * is copied onto an Error (`Object.assign(new Error(msg), {...})`, its string `message` as the message)
 * so callers reading `err.code` still work. Other values (booleans, null, a const) get no fix: the
 * right message needs a human.
 */
function fixFor(expression: ts.Expression, kind: Kind, tree: ts.SourceFile): RawFix | undefined {
  const e = skipOuter(expression);
  const start = expression.getStart(tree);
  const original = tree.text.slice(start, expression.end);
  let replacement: string | undefined;
  if (kind === 'string') replacement = `new Error(${original})`;
  else if (kind === 'number' && (ts.isNumericLiteral(e) || ts.isPrefixUnaryExpression(e))) replacement = `new Error(String(${original}))`;
  else if (kind === 'object' && ts.isObjectLiteralExpression(e)) {
    const message = e.properties.find((p): p is ts.PropertyAssignment => ts.isPropertyAssignment(p) && !!p.name && ts.isIdentifier(p.name) && p.name.text === 'message');
    const messageText = message && nonErrorKind(message.initializer, 0) === 'string' ? message.initializer.getText(tree) : '';
    replacement = `Object.assign(new Error(${messageText}), ${original})`;
  }
  if (!replacement) return undefined;
  return { title: 'Wrap the value in an Error', preferred: true, changes: [{ start, end: expression.end, newText: replacement }] };
}

function message(kind: Kind, how: 'throw' | 'reject'): string {
  const what = kind === 'string' ? 'a string' : kind === 'number' ? 'a number' : kind === 'object' ? 'a plain object' : 'a value that is not an Error';
  const verb = how === 'throw' ? 'Throwing' : 'Rejecting with';
  return `${verb} ${what}: it carries no stack trace, so in production the failure cannot be traced to its origin and handlers reading \`err.message\` or checking \`instanceof Error\` break. Use an Error (\`new Error("...")\`) or a subclass.`;
}
