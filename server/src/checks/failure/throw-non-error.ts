// failure/throw-non-error: `throw` of a value that cannot be an Error (a string, number, template,
// plain object, or a const initialised with one), and `Promise.reject(x)` / an executor's
// `reject(x)` with such a value. Identifiers of unknown origin, calls, `new X()` and member reads
// could be Errors and are never reported: without types, precision comes first.
import * as ts from 'typescript';
import type { Check, RawFix } from '../../engine/types';

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
      text: 'Throw and reject only `Error` objects (`throw new Error("…", { cause })`), never strings or plain objects.',
      recap: 'throw only Errors',
    },
    languages: ['typescript', 'javascript'],
    fixable: true,
    examples: {
      bad: ['throw "order not found";', 'throw { code: 404, message: "not found" };', 'return Promise.reject(`no user ${id}`);', 'new Promise((resolve, reject) => reject("timeout"));'],
      good: ['throw new Error("order not found");', 'try { run(); } catch (err) { throw err; }', 'return Promise.reject(new NotFoundError(id));'],
    },
  },
  run(context) {
    const tree = context.tsTree();
    const text = context.document.text;
    if (!tree || !/throw|Promise/.test(text)) return;
    const visit = (node: ts.Node): void => {
      if (ts.isThrowStatement(node)) {
        check(node.expression, 'throw');
      } else if (ts.isCallExpression(node) && isReject(node)) {
        const argument = node.arguments[0];
        if (argument) check(argument, 'reject');
        else report(node, 'value', 'reject', undefined);
      }
      ts.forEachChild(node, visit);
    };
    const check = (expression: ts.Expression, how: 'throw' | 'reject'): void => {
      const kind = nonErrorKind(expression, 0);
      if (kind) report(expression, kind, how, fixFor(expression, kind, tree));
    };
    const report = (node: ts.Node, kind: Kind, how: 'throw' | 'reject', fix: RawFix | undefined): void => {
      context.report({ ruleId: RULE_ID, start: node.getStart(tree), end: node.end, message: message(kind, how), ...(fix ? { fixes: [fix] } : {}) });
    };
    visit(tree);
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
      const name = (e as ts.Identifier).text;
      if (name === 'undefined') return 'value';
      if (depth > 3) return undefined;
      const initializer = constInitializer(e as ts.Identifier);
      return initializer ? nonErrorKind(initializer, depth + 1) : undefined;
    }
    case ts.SyntaxKind.BinaryExpression: {
      const binary = e as ts.BinaryExpression;
      const op = binary.operatorToken.kind;
      if (op === ts.SyntaxKind.PlusToken) {
        const left = nonErrorKind(binary.left, depth);
        const right = nonErrorKind(binary.right, depth);
        return left === 'string' || right === 'string' ? 'string' : left === 'number' && right === 'number' ? 'number' : undefined;
      }
      if (op === ts.SyntaxKind.EqualsToken || op === ts.SyntaxKind.CommaToken || op === ts.SyntaxKind.AmpersandAmpersandToken) return nonErrorKind(binary.right, depth);
      if (op === ts.SyntaxKind.BarBarToken || op === ts.SyntaxKind.QuestionQuestionToken) {
        const left = nonErrorKind(binary.left, depth);
        const right = nonErrorKind(binary.right, depth);
        return left && right ? right : undefined;
      }
      if (ts.SyntaxKind.FirstBinaryOperator <= op && op <= ts.SyntaxKind.LastBinaryOperator && op !== ts.SyntaxKind.InKeyword && op !== ts.SyntaxKind.InstanceOfKeyword) {
        // Arithmetic and comparisons yield numbers and booleans; assignment forms yield their right side.
        if (op >= ts.SyntaxKind.FirstAssignment && op <= ts.SyntaxKind.LastAssignment) return undefined;
        return 'value';
      }
      return undefined;
    }
    case ts.SyntaxKind.ConditionalExpression: {
      const conditional = e as ts.ConditionalExpression;
      const whenTrue = nonErrorKind(conditional.whenTrue, depth);
      const whenFalse = nonErrorKind(conditional.whenFalse, depth);
      return whenTrue && whenFalse ? whenTrue : undefined;
    }
    default:
      return undefined;
  }
}

function skipOuter(expression: ts.Expression): ts.Expression {
  let e = expression;
  while (ts.isParenthesizedExpression(e) || ts.isAsExpression(e) || ts.isSatisfiesExpression(e) || ts.isNonNullExpression(e) || ts.isTypeAssertionExpression(e)) e = e.expression;
  return e;
}

/**
 * The initializer of the `const` this identifier names, found in the enclosing blocks (a parameter
 * or catch binding of the same name in between shadows it: unknown).
 */
function constInitializer(identifier: ts.Identifier): ts.Expression | undefined {
  const name = identifier.text;
  for (let node: ts.Node | undefined = identifier.parent; node; node = node.parent) {
    if (ts.isFunctionLike(node) && node.parameters.some((p) => declares(p.name, name))) return undefined;
    if (ts.isCatchClause(node) && node.variableDeclaration && declares(node.variableDeclaration.name, name)) return undefined;
    if (ts.isBlock(node) || ts.isSourceFile(node) || ts.isModuleBlock(node) || ts.isCaseClause(node) || ts.isDefaultClause(node)) {
      for (const statement of node.statements) {
        if (!ts.isVariableStatement(statement)) continue;
        for (const declaration of statement.declarationList.declarations) {
          if (!declares(declaration.name, name)) continue;
          const isConst = (statement.declarationList.flags & ts.NodeFlags.Const) !== 0;
          return isConst && ts.isIdentifier(declaration.name) ? declaration.initializer : undefined;
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
