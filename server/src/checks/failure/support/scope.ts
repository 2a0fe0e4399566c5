// Name lookup without a type checker: which declaration an identifier names, by walking the enclosing
// scopes (block, function, module) up to the file. Each scope's names are collected once per tree.
// A default import: bundled, `import * as ts` turns every `ts.` access into a getter call.
import ts from 'typescript';

/** The declaring node: a function, class, variable/binding element, parameter, import binding, enum, type or interface. */
export type Declaration = ts.Node;

/** Names of the global object (`globalThis.setTimeout`, `window.URL`): a member of one is the global itself. */
export const GLOBAL_OBJECTS: ReadonlySet<string> = new Set(['window', 'globalThis', 'self', 'global']);

/**
 * Each scope's names, for the last two trees looked into (the analysed file, and a file summarised on
 * the way). Not a WeakMap from scope nodes: a scope's names lead back to the scope through their parent
 * pointers, and a WeakMap entry whose value reaches its key survives every scavenge until a full
 * collection: the language server promoted a tree's worth of maps on every keystroke.
 */
let recent: { tree: ts.Node; names: Map<ts.Node, Map<string, Declaration>> }[] = [];

function scopesOf(tree: ts.Node): Map<ts.Node, Map<string, Declaration>> {
  const first = recent[0];
  if (first?.tree === tree) return first.names;
  const found = recent.find((entry) => entry.tree === tree) ?? { tree, names: new Map() };
  recent = [found, ...recent.filter((entry) => entry !== found)].slice(0, 2);
  return found.names;
}

// The scopes passed on the way up from an identifier, reused by every lookup.
const enclosing: ts.Node[] = [];

export function findDeclaration(identifier: ts.Identifier): Declaration | undefined {
  const name = identifier.text;
  const scopeKinds = (scopeKindTable ??= kindTable(isScope));
  // One walk up: the scopes, nearest first, and the root they belong to.
  enclosing.length = 0;
  let root: ts.Node = identifier;
  for (let node = identifier.parent; node; node = node.parent) {
    if (scopeKinds[node.kind] === 1) enclosing.push(node);
    root = node;
  }
  const scopes = scopesOf(root);
  for (const scope of enclosing) {
    const found = namesOf(scope, scopes).get(name);
    if (found) return found;
  }
  return undefined;
}

let scopeKindTable: Uint8Array | undefined;

/** By syntax kind, 1 where a node of that kind passes `test` (which must read nothing but the kind). */
function kindTable(test: (node: ts.Node) => boolean): Uint8Array {
  const table = new Uint8Array(ts.SyntaxKind.Count);
  for (let kind = 0; kind < ts.SyntaxKind.Count; kind++) if (test({ kind } as ts.Node)) table[kind] = 1;
  return table;
}

/** The type parameter a type name refers to (`T` in `function f<T extends U[]>(a: T)`), looked up in the enclosing generic declarations. */
export function findTypeParameter(identifier: ts.Identifier): ts.TypeParameterDeclaration | undefined {
  for (let node: ts.Node | undefined = identifier.parent; node && !ts.isSourceFile(node); node = node.parent) {
    const parameters = ts.isFunctionLike(node) || ts.isClassLike(node) || ts.isInterfaceDeclaration(node) || ts.isTypeAliasDeclaration(node) ? node.typeParameters : undefined;
    const found = parameters?.find((parameter) => parameter.name.text === identifier.text);
    if (found) return found;
  }
  return undefined;
}

function isScope(node: ts.Node): boolean {
  return ts.isSourceFile(node) || ts.isBlock(node) || ts.isModuleBlock(node) || ts.isCaseBlock(node) || ts.isFunctionLike(node)
    || ts.isForStatement(node) || ts.isForOfStatement(node) || ts.isForInStatement(node) || ts.isCatchClause(node) || ts.isClassExpression(node);
}

function namesOf(scope: ts.Node, scopes: Map<ts.Node, Map<string, Declaration>>): Map<string, Declaration> {
  let names = scopes.get(scope);
  if (names) return names;
  names = new Map();
  const add = (name: ts.Node | undefined, declaration: Declaration) => {
    if (!name) return;
    if (ts.isIdentifier(name)) {
      if (!names!.has(name.text)) names!.set(name.text, declaration);
    } else if (ts.isObjectBindingPattern(name) || ts.isArrayBindingPattern(name)) {
      for (const element of name.elements) if (ts.isBindingElement(element)) add(element.name, element);
    }
  };
  const addStatement = (statement: ts.Statement) => {
    if (ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement) || ts.isEnumDeclaration(statement)
      || ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement) || ts.isModuleDeclaration(statement)) {
      // Overloads: keep the first declaration with a body (or the first one).
      if (statement.name && ts.isIdentifier(statement.name)) {
        const existing = names!.get(statement.name.text);
        if (!existing || (ts.isFunctionDeclaration(existing) && !existing.body && ts.isFunctionDeclaration(statement) && statement.body)) names!.set(statement.name.text, statement);
      }
    } else if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) add(declaration.name, declaration);
    } else if (ts.isImportDeclaration(statement)) {
      const clause = statement.importClause;
      if (clause?.name) add(clause.name, clause);
      const bindings = clause?.namedBindings;
      if (bindings && ts.isNamespaceImport(bindings)) add(bindings.name, bindings);
      else if (bindings) for (const specifier of bindings.elements) add(specifier.name, specifier);
    } else if (ts.isImportEqualsDeclaration(statement)) {
      add(statement.name, statement);
    } else if (ts.isExportDeclaration(statement) || ts.isExpressionStatement(statement)) {
      // nothing declared
    } else if (ts.isLabeledStatement(statement)) {
      addStatement(statement.statement);
    }
  };
  if (ts.isSourceFile(scope) || ts.isBlock(scope) || ts.isModuleBlock(scope)) {
    scope.statements.forEach(addStatement);
  } else if (ts.isCaseBlock(scope)) {
    for (const clause of scope.clauses) clause.statements.forEach(addStatement);
  } else if (ts.isFunctionLike(scope)) {
    for (const parameter of scope.parameters) add(parameter.name, parameter);
    if ((ts.isFunctionExpression(scope)) && scope.name) add(scope.name, scope);
  } else if (ts.isForStatement(scope) || ts.isForOfStatement(scope) || ts.isForInStatement(scope)) {
    const initializer = scope.initializer;
    if (initializer && ts.isVariableDeclarationList(initializer)) for (const declaration of initializer.declarations) add(declaration.name, declaration);
  } else if (ts.isCatchClause(scope)) {
    if (scope.variableDeclaration) add(scope.variableDeclaration.name, scope.variableDeclaration);
  } else if (ts.isClassExpression(scope)) {
    if (scope.name) add(scope.name, scope);
  }
  scopes.set(scope, names);
  return names;
}

/** A `const` declaration (not `let`, `var` or a catch binding): its value is its initializer for good. */
export function isConstDeclaration(declaration: ts.VariableDeclaration): boolean {
  return ts.isVariableDeclarationList(declaration.parent) && (declaration.parent.flags & ts.NodeFlags.Const) !== 0;
}

/**
 * A `var` or `let` with an initializer that nothing assigns to again (`var file = path.join(__dirname, 'x.json')`):
 * it holds its initial value wherever it is read, as a const would. Assignments are looked for in the
 * function (or file) that declares it, nested functions included.
 */
export function isNeverReassigned(declaration: ts.VariableDeclaration): boolean {
  if (isConstDeclaration(declaration)) return true;
  const name = declaration.name;
  if (!declaration.initializer || !ts.isIdentifier(name) || !ts.isVariableDeclarationList(declaration.parent)) return false;
  if (ts.isForInStatement(declaration.parent.parent) || ts.isForOfStatement(declaration.parent.parent)) return false;
  const scope = enclosingFunction(declaration) ?? declaration.getSourceFile();
  let assigned = false;
  const writes = (target: ts.Expression) => ts.isIdentifier(target) && target.text === name.text && findDeclaration(target) === declaration;
  const visit = (node: ts.Node): void => {
    if (assigned) return;
    if (ts.isBinaryExpression(node) && node.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && node.operatorToken.kind <= ts.SyntaxKind.LastAssignment && (writes(node.left) || ts.isObjectLiteralExpression(node.left) || ts.isArrayLiteralExpression(node.left))) {
      // A destructuring assignment may write it too: count it as one when it names it.
      assigned = writes(node.left) || someIdentifier(node.left, writes);
    } else if ((ts.isForInStatement(node) || ts.isForOfStatement(node)) && !ts.isVariableDeclarationList(node.initializer) && writes(node.initializer as ts.Expression)) {
      assigned = true;
    }
    if (!assigned) ts.forEachChild(node, visit);
  };
  visit(scope);
  return !assigned;
}

function someIdentifier(node: ts.Node, matches: (identifier: ts.Identifier) => boolean): boolean {
  if (ts.isIdentifier(node)) return matches(node);
  return !!ts.forEachChild(node, (child) => someIdentifier(child, matches) || undefined);
}

/** The function whose body holds `node` (arrow functions included), or undefined at module level. */
export function enclosingFunction(node: ts.Node): ts.SignatureDeclaration | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (ts.isFunctionLike(current) && !ts.isTypeNode(current)) return current;
    if (ts.isClassStaticBlockDeclaration(current)) return undefined;
  }
  return undefined;
}

export function hasModifier(node: ts.Node, kind: ts.SyntaxKind): boolean {
  return ts.canHaveModifiers(node) && (ts.getModifiers(node)?.some((m) => m.kind === kind) ?? false);
}

export function isAsyncFunction(node: ts.Node): boolean {
  return ts.isFunctionLike(node) && hasModifier(node, ts.SyntaxKind.AsyncKeyword) && !(node as ts.FunctionLikeDeclaration).asteriskToken;
}

/** Strips parentheses, non-null assertions, `satisfies`, type assertions that are not to a type we read, and `(0, f)`. */
export function skipOuter(expression: ts.Expression): ts.Expression {
  for (;;) {
    if (ts.isParenthesizedExpression(expression) || ts.isNonNullExpression(expression) || ts.isSatisfiesExpression(expression)) expression = expression.expression;
    else if (isIndirection(expression)) expression = expression.right;
    else return expression;
  }
}

/**
 * `0, f` in `(0, mod_1.fn)(…)`: how tsc, Babel and esbuild call an imported function in the code they
 * emit (so that it runs without `this`). Its value is the function itself.
 */
export function isIndirection(expression: ts.Expression): expression is ts.BinaryExpression {
  return ts.isBinaryExpression(expression) && expression.operatorToken.kind === ts.SyntaxKind.CommaToken && ts.isNumericLiteral(expression.left);
}

/**
 * Whether an expression needs parentheses to stay whole as an operand: before `.catch(…)`, after
 * `await` or `void` (`await (a ? b() : c())`, not `await a ? …`). Member and call expressions do not.
 */
export function needsParens(expression: ts.Expression): boolean {
  if (ts.isNewExpression(expression)) return expression.arguments === undefined;
  return !(ts.isCallExpression(expression) || ts.isPropertyAccessExpression(expression) || ts.isElementAccessExpression(expression) || ts.isIdentifier(expression)
    || ts.isParenthesizedExpression(expression) || ts.isTaggedTemplateExpression(expression) || expression.kind === ts.SyntaxKind.ThisKeyword);
}
