// Where a value comes from, syntactically: a request body, file contents, a network response, the
// command line, the environment, message data, stored data, a query result. Only positive evidence
// counts (a parameter of unknown origin is not external), so the rules built on it stay precise.
import ts from 'typescript';
import { isIndirection, isNeverReassigned } from './scope';

export type ExternalSource =
  | 'a request body'
  | 'request input'
  | 'file contents'
  | 'a network response'
  | 'command-line input'
  | 'an environment variable'
  | 'message data'
  | 'stored data'
  | 'a query result'
  | 'a directory listing'
  | 'streamed data'
  | 'an array parameter';

export interface SourceOptions {
  /**
   * Count awaited database/ORM calls (`await db.query(…)`, `findMany()`, a wrapper imported as `query`) and
   * directory listings (`readdir`) as external (unbounded collections).
   */
  queries?: boolean;
  /** Count parameters annotated as arrays (`items: Item[]`) as external. */
  arrayParameters?: boolean;
}

const REQUEST_NAMES = /^(?:req|request|ctx|context|c)$/;
const MESSAGE_NAMES = /^(?:msg|message|event|evt|ev|record|rec|payload|job)$/;
const QUERY_METHODS = /^(?:query|execute|find|findMany|findAll|findAndCountAll|select|scan|list[A-Z]?\w*|getAll\w*|fetchAll|all|toArray|many|manyOrNone|any)$/;
/** Calls that pass their input through (`String(x)`, `x.toString()`, `x.trim()`, `Buffer.from(x)`). */
const PASS_THROUGH_METHODS = new Set(['toString', 'trim', 'trimStart', 'trimEnd', 'split', 'join', 'replace', 'replaceAll', 'toLowerCase', 'decode', 'filter', 'map', 'flat', 'flatMap', 'concat', 'sort', 'reverse', 'values', 'keys', 'entries']);

/** The external source an expression's value comes from, if one can be seen. */
export function externalSource(expression: ts.Expression, options: SourceOptions = {}, depth = 0): ExternalSource | undefined {
  if (depth > 4) return undefined;
  const next = (e: ts.Expression) => externalSource(e, options, depth + 1);
  const node = unwrap(expression);
  if (ts.isAwaitExpression(node)) return next(node.expression);
  if (ts.isBinaryExpression(node) && (node.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken || node.operatorToken.kind === ts.SyntaxKind.BarBarToken)) return next(node.left);
  if (ts.isConditionalExpression(node)) return next(node.whenTrue) ?? next(node.whenFalse);
  if (ts.isTemplateExpression(node)) return undefined;
  if (ts.isPropertyAccessExpression(node)) return propertySource(node, options, next);
  if (ts.isElementAccessExpression(node)) return next(node.expression);
  if (ts.isCallExpression(node)) return callSource(node, options, next);
  if (ts.isIdentifier(node)) return identifierSource(node, options, next);
  return undefined;
}

function propertySource(node: ts.PropertyAccessExpression, options: SourceOptions, next: (e: ts.Expression) => ExternalSource | undefined): ExternalSource | undefined {
  const name = node.name.text;
  const base = unwrap(node.expression);
  if (ts.isIdentifier(base) && base.text === 'process') {
    if (name === 'argv') return 'command-line input';
    if (name === 'env') return 'an environment variable';
  }
  const baseName = ts.isIdentifier(base) ? base.text : ts.isPropertyAccessExpression(base) ? base.name.text : undefined;
  // `response.body` of got or a raw HTTP client is what the server sent back.
  if ((name === 'body' || name === 'data') && baseName && /^(?:res|resp|response|reply)$/i.test(baseName)) return 'a network response';
  if (name === 'body' || name === 'rawBody') return 'a request body';
  if ((name === 'query' || name === 'params' || name === 'headers' || name === 'cookies') && baseName && (REQUEST_NAMES.test(baseName) || baseName === 'req')) return 'request input';
  if ((name === 'data' || name === 'value' || name === 'Body' || name === 'Records') && baseName && MESSAGE_NAMES.test(baseName)) return 'message data';
  // Stryker disable next-line all: equivalent — this block returns next(node.expression) when it is a query result, which the fall-through below returns anyway
  if (options.queries && (name === 'rows' || name === 'Items' || name === 'recordset')) {
    // Stryker disable next-line all: as above
    const inner = next(node.expression);
    // Stryker disable next-line all: as above
    if (inner === 'a query result') return inner;
  }
  return next(node.expression);
}

function callSource(node: ts.CallExpression, options: SourceOptions, next: (e: ts.Expression) => ExternalSource | undefined): ExternalSource | undefined {
  const callee = unwrap(node.expression);
  const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
  if (!name) return undefined;
  // A file the module ships beside itself (its package.json, a schema) is not input: only a broken install changes it.
  if (/^readFile(?:Sync)?$/.test(name)) return node.arguments[0] && isOwnFile(node.arguments[0]) ? undefined : 'file contents';
  if ((name === 'text' || name === 'json') && node.arguments.length === 0 && ts.isPropertyAccessExpression(callee)) return 'a network response';
  if (name === 'getItem' && ts.isPropertyAccessExpression(callee) && /Storage$/.test(callee.expression.getText())) return 'stored data';
  if ((name === 'String' || ((name === 'from' || name === 'concat') && ts.isPropertyAccessExpression(callee) && callee.expression.getText() === 'Buffer')) && node.arguments[0]) return next(node.arguments[0]);
  if (name === 'parse' && ts.isPropertyAccessExpression(callee) && callee.expression.getText() === 'JSON' && node.arguments[0]) return next(node.arguments[0]);
  if (ts.isPropertyAccessExpression(callee) && PASS_THROUGH_METHODS.has(name)) return next(callee.expression);
  if (options.queries && QUERY_METHODS.test(name) && ts.isPropertyAccessExpression(callee) && ts.isAwaitExpression(awaitedParent(node))) return 'a query result';
  // `export const query = (sql, params) => pool.query(sql, params)`, imported and called bare: the usual
  // database helper. Other query words (`all`, `find`, `select`) are too common as plain function names.
  if (options.queries && name === 'query' && ts.isIdentifier(callee) && ts.isAwaitExpression(awaitedParent(node))) return 'a query result';
  if (options.queries && /^readdir(?:Sync)?$/.test(name)) return 'a directory listing';
  return undefined;
}

/**
 * A path fixed relative to the module's own folder: `new URL('../package.json', import.meta.url)`,
 * `path.join(__dirname, 'schema.json')`, `__dirname + '/x.json'`, through `fileURLToPath(…)` and a const
 * holding one. Every other part is a string literal: `path.join(__dirname, name)` may be anything.
 */
function isOwnFile(expression: ts.Expression, depth = 0): boolean {
  const node = unwrap(expression);
  const isLiteral = (e: ts.Expression) => ts.isStringLiteralLike(unwrap(e));
  const isModuleFolder = (e: ts.Expression) => {
    const inner = unwrap(e);
    return (ts.isIdentifier(inner) && inner.text === '__dirname') || (ts.isPropertyAccessExpression(inner) && ts.isMetaProperty(inner.expression) && inner.name.text === 'dirname');
  };
  if (isModuleFolder(node)) return true;
  if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'URL' && node.arguments?.length === 2) {
    const base = unwrap(node.arguments[1]);
    return isLiteral(node.arguments[0]) && ts.isPropertyAccessExpression(base) && ts.isMetaProperty(base.expression) && base.name.text === 'url';
  }
  if (ts.isCallExpression(node)) {
    const callee = unwrap(node.expression);
    const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : '';
    if (name === 'fileURLToPath' && node.arguments.length === 1) return isOwnFile(node.arguments[0], depth);
    if ((name === 'join' || name === 'resolve') && node.arguments.length >= 2) return isModuleFolder(node.arguments[0]) && node.arguments.slice(1).every(isLiteral);
    return false;
  }
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) return isModuleFolder(node.left) && isLiteral(node.right);
  if (ts.isTemplateExpression(node)) return node.templateSpans.length === 1 && isModuleFolder(node.templateSpans[0].expression);
  if (ts.isIdentifier(node) && depth < 2) {
    const declaration = declarationOf(node);
    return !!declaration && ts.isVariableDeclaration(declaration) && !!declaration.initializer && isNeverReassigned(declaration) && isOwnFile(declaration.initializer, depth + 1);
  }
  return false;
}

/** `await db.query(…)`: the await around a call (through parentheses). */
function awaitedParent(node: ts.Node): ts.Node {
  let current = node.parent;
  while (current && ts.isParenthesizedExpression(current)) current = current.parent;
  return current;
}

function identifierSource(node: ts.Identifier, options: SourceOptions, next: (e: ts.Expression) => ExternalSource | undefined): ExternalSource | undefined {
  const declaration = declarationOf(node);
  if (!declaration) return undefined;
  if (ts.isParameter(declaration)) {
    // `res.text().then((text) => …)`: the callback's first parameter is what the promise resolves to.
    const fn = declaration.parent;
    const use = fn.parent;
    if (fn.parameters[0] === declaration && ts.isCallExpression(use) && use.arguments[0] === fn) {
      const callee = unwrap(use.expression);
      if (ts.isPropertyAccessExpression(callee) && callee.name.text === 'then') return next(callee.expression);
    }
    if (options.arrayParameters && declaration.type && isArrayType(declaration.type)) return 'an array parameter';
    return undefined;
  }
  if (ts.isVariableDeclaration(declaration)) return (declaration.initializer ? next(declaration.initializer) : undefined) ?? streamedInto(declaration);
  // A binding element: `const { body } = req`, `const { items } = req.body`, `const [raw] = …`.
  let pattern: ts.Node = declaration.parent;
  while (ts.isBindingElement(pattern.parent)) pattern = pattern.parent.parent;
  const root = pattern.parent;
  if (!ts.isVariableDeclaration(root) || !root.initializer) return undefined;
  const property = declaration.propertyName ?? declaration.name;
  const key = ts.isIdentifier(property) ? property.text : undefined;
  const init = unwrap(root.initializer);
  if ((key === 'body' || key === 'rawBody') && !ts.isObjectLiteralExpression(init)) return 'a request body';
  if (key && (key === 'query' || key === 'params' || key === 'headers') && ts.isIdentifier(init) && REQUEST_NAMES.test(init.text)) return 'request input';
  if (key && (key === 'data' || key === 'value') && ts.isIdentifier(init) && MESSAGE_NAMES.test(init.text)) return 'message data';
  if (key === 'argv' && init.getText() === 'process') return 'command-line input';
  if (init.getText() === 'process.env') return 'an environment variable';
  // Stryker disable next-line all: equivalent — this block returns next(root.initializer) when it is a query result, which the fall-through below returns anyway
  if (options.queries && key === 'rows') {
    // Stryker disable next-line all: as above
    const inner = next(root.initializer);
    // Stryker disable next-line all: as above
    if (inner === 'a query result') return inner;
  }
  return next(root.initializer);
}

/**
 * `let body = ''; res.on('data', (chunk) => { body += chunk; })` (or `chunks.push(chunk)`): a variable of
 * the same block filled by a stream's 'data' listener holds what the stream sent.
 */
function streamedInto(declaration: ts.VariableDeclaration): ExternalSource | undefined {
  const statement = declaration.parent.parent;
  if (!ts.isIdentifier(declaration.name) || !ts.isVariableStatement(statement)) return undefined;
  const name = declaration.name.text;
  let found: ExternalSource | undefined;
  const visit = (node: ts.Node): void => {
    if (found) return;
    if (appendsTo(node, name)) found = dataListenerSource(node);
    if (!found) ts.forEachChild(node, visit);
  };
  visit(statement.parent);
  return found;
}

/** `name += x`, `name = name + x`, `name.push(x)`. */
function appendsTo(node: ts.Node, name: string): boolean {
  if (ts.isBinaryExpression(node) && ts.isIdentifier(node.left) && node.left.text === name) {
    if (node.operatorToken.kind === ts.SyntaxKind.PlusEqualsToken) return true;
    const right = unwrap(node.right);
    return node.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isBinaryExpression(right) && right.operatorToken.kind === ts.SyntaxKind.PlusToken && ts.isIdentifier(right.left) && right.left.text === name;
  }
  return ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 'push' && ts.isIdentifier(node.expression.expression) && node.expression.expression.text === name;
}

/** What a stream's `.on('data', fn)` delivers, when `node` is in `fn` itself (not a function nested in it). */
function dataListenerSource(node: ts.Node): ExternalSource | undefined {
  let fn: ts.Node | undefined = node.parent;
  while (fn && !ts.isFunctionLike(fn)) fn = fn.parent;
  const call = fn?.parent;
  if (!fn || !call || !ts.isCallExpression(call) || call.arguments[1] !== fn || !ts.isPropertyAccessExpression(call.expression)) return undefined;
  const event = call.arguments[0];
  if (!/^(?:on|once|addListener)$/.test(call.expression.name.text) || !event || !ts.isStringLiteralLike(event) || event.text !== 'data') return undefined;
  const receiver = unwrap(call.expression.expression).getText();
  if (/^(?:req|request)$/.test(receiver)) return 'a request body';
  if (/^(?:res|resp|response|reply)$/.test(receiver)) return 'a network response';
  if (/(?:^|\.)stdin$/.test(receiver)) return 'command-line input';
  return 'streamed data';
}

function isArrayType(type: ts.TypeNode): boolean {
  if (ts.isArrayTypeNode(type)) return true;
  if (ts.isTypeOperatorNode(type)) return isArrayType(type.type);
  return ts.isTypeReferenceNode(type) && ts.isIdentifier(type.typeName) && (type.typeName.text === 'Array' || type.typeName.text === 'ReadonlyArray');
}

/**
 * The declaration an identifier refers to, found by walking the enclosing blocks and functions (the
 * nearest declaration before the use wins); undefined for globals and anything it cannot place.
 */
export function declarationOf(identifier: ts.Identifier): ts.VariableDeclaration | ts.ParameterDeclaration | ts.BindingElement | undefined {
  const name = identifier.text;
  for (let scope: ts.Node | undefined = identifier.parent; scope; scope = scope.parent) {
    if (ts.isFunctionLike(scope)) {
      for (const parameter of scope.parameters) {
        const found = findInBinding(parameter.name, name);
        if (found === true) return parameter;
        if (found) return found;
      }
    }
    if ((ts.isForOfStatement(scope) || ts.isForInStatement(scope) || ts.isForStatement(scope)) && scope.initializer && ts.isVariableDeclarationList(scope.initializer)) {
      for (const declaration of scope.initializer.declarations) {
        const found = findInBinding(declaration.name, name);
        // A loop variable of `for…of` takes items of the collection, not the collection: no source.
        if (found) return ts.isForStatement(scope) ? (found === true ? declaration : found) : undefined;
      }
    }
    const statements = ts.isBlock(scope) || ts.isSourceFile(scope) || ts.isModuleBlock(scope) || ts.isCaseClause(scope) || ts.isDefaultClause(scope) ? scope.statements : undefined;
    if (!statements) continue;
    let match: ts.VariableDeclaration | ts.BindingElement | undefined;
    for (const statement of statements) {
      if (statement.pos > identifier.pos) break;
      if (!ts.isVariableStatement(statement)) continue;
      for (const declaration of statement.declarationList.declarations) {
        const found = findInBinding(declaration.name, name);
        if (found) match = found === true ? declaration : found;
      }
    }
    if (match) return match;
  }
  return undefined;
}

/** `true` when the name is the binding itself, the binding element when it is inside a pattern. */
function findInBinding(binding: ts.BindingName, name: string): true | ts.BindingElement | undefined {
  if (ts.isIdentifier(binding)) return binding.text === name ? true : undefined;
  for (const element of binding.elements) {
    if (ts.isOmittedExpression(element)) continue;
    if (ts.isIdentifier(element.name)) {
      if (element.name.text === name) return element;
    } else {
      const inner = findInBinding(element.name, name);
      if (inner) return inner === true ? element : inner;
    }
  }
  return undefined;
}

export function unwrap(expression: ts.Expression): ts.Expression {
  let inner = expression;
  for (;;) {
    if (ts.isParenthesizedExpression(inner) || ts.isAsExpression(inner) || ts.isSatisfiesExpression(inner) || ts.isNonNullExpression(inner) || ts.isTypeAssertionExpression(inner)) inner = inner.expression;
    else if (isIndirection(inner)) inner = inner.right;
    else return inner;
  }
}
