// Incremental analysis of a TypeScript/JavaScript document between keystrokes: only the top-level
// statements an edit can have changed the findings of are checked again; the findings of the others
// are carried over from the previous analysis, moved with their statement.
//
// Why this is sound. TypeScript's incremental parser (parse-ts.ts reparseScript) reuses every node
// outside the edited span, so a top-level statement that is the same object as before has the same
// text. A check that opts in (`Check.statementLocal`) promises that its findings on a statement depend
// only on that statement and on declarations it reaches by name. So a reused statement's findings can
// change only if a name it mentions is declared by a statement that changed (before or after the edit),
// and, transitively, by a statement that must be checked again for that reason: a call of `f` depends
// on whether `f` gives a promise, which depends on `g` that `f` returns. Anything outside that (the
// workspace index, the config, the set of checks) changing means a full analysis.
// test/unit/engine/incremental-statements.test.ts checks random edit sequences against full analyses.
import ts from 'typescript';
import type { RawFinding, RawFix } from './types';

/** What the next analysis needs to know of one top-level statement. */
export interface StatementFacts {
  /** Names this statement declares at the top level; undefined: it may change anything (namespaces, `declare global`). */
  declared: ReadonlySet<string> | undefined;
  /** Every identifier name in the statement. */
  mentions: ReadonlySet<string>;
  /** Findings of statement-local checks, by check, with offsets relative to the statement's `pos`. */
  findings: RawFinding[][];
  /** A finding here reaches outside the statement: it is checked again on every analysis. */
  volatile?: boolean;
}

/** What a statement declares and mentions: all of its facts but the findings. */
export type StatementNames = Omit<StatementFacts, 'findings'>;

/** The state an analysis leaves for the next one on the same document. */
export interface IncrementalState {
  /** What the findings were computed against: any change means a full analysis. */
  key: unknown[];
  statements: Map<ts.Statement, StatementFacts>;
}

const restrictions = new WeakMap<ts.SourceFile, ReadonlySet<ts.Statement>>();

/**
 * The top-level statements statement-local checks must visit in the analysis under way, or undefined
 * for all of them. Set by the engine for the length of one analysis.
 */
export function statementsToCheck(tree: ts.SourceFile): ReadonlySet<ts.Statement> | undefined {
  return restrictions.get(tree);
}

export function restrictTo(tree: ts.SourceFile, statements: ReadonlySet<ts.Statement> | undefined): void {
  if (statements) restrictions.set(tree, statements);
  else restrictions.delete(tree);
}

export function sameKey(a: unknown[], b: unknown[]): boolean {
  return a.length === b.length && a.every((value, i) => value === b[i]);
}

/**
 * The statements of `tree` to check again, given the previous analysis's facts: those the incremental
 * parser did not reuse, and those mentioning a name one of them declares (old or new version), to a
 * fixed point. Undefined when everything must be checked.
 */
export function statementsToRecheck(tree: ts.SourceFile, previous: IncrementalState, factsOf: (statement: ts.Statement) => StatementNames): Set<ts.Statement> | undefined {
  const dirty = new Set<ts.Statement>();
  const names = new Set<string>();
  for (const statement of tree.statements) {
    const known = previous.statements.get(statement);
    if (known?.volatile) dirty.add(statement);
    if (known) continue;
    const declared = factsOf(statement).declared;
    if (!declared) return undefined;
    dirty.add(statement);
    for (const name of declared) names.add(name);
  }
  // A statement of the previous tree that this one reused has this tree as its parent now. (forEach and
  // indexed loops below: this runs on every keystroke, and iterators were a tenth of its garbage.)
  let unknown = false;
  previous.statements.forEach((facts, statement) => {
    if (statement.parent === tree) return;
    if (!facts.declared) unknown = true;
    else facts.declared.forEach((name) => names.add(name));
  });
  if (unknown) return undefined;
  if (names.size === 0) return dirty;
  const nameList = [...names];
  for (let grew = true; grew; ) {
    grew = false;
    for (let i = 0; i < tree.statements.length; i++) {
      const statement = tree.statements[i]!;
      if (dirty.has(statement)) continue;
      const facts = previous.statements.get(statement)!;
      if (!mentionsAny(facts.mentions, nameList)) continue;
      if (!facts.declared) return undefined;
      dirty.add(statement);
      facts.declared.forEach((name) => {
        if (names.has(name)) return;
        names.add(name);
        nameList.push(name);
        grew = true;
      });
    }
  }
  return dirty;
}

function mentionsAny(mentions: ReadonlySet<string>, names: readonly string[]): boolean {
  for (let i = 0; i < names.length; i++) if (mentions.has(names[i]!)) return true;
  return false;
}

/** The names a statement declares and mentions. */
export function statementFacts(statement: ts.Statement): StatementNames {
  const mentions = new Set<string>();
  const visit = (node: ts.Node): void => {
    if (node.kind === ts.SyntaxKind.Identifier) mentions.add((node as ts.Identifier).text);
    else ts.forEachChild(node, visit);
  };
  visit(statement);
  return { declared: declaredNames(statement), mentions };
}

/**
 * Names whose meaning a statement can change for other statements. A declaration: the names it
 * declares (checks read other statements through declarations found by name). Any other statement:
 * the outer names it assigns to (`Foo.prototype.run = …`, `module.exports = …`, `config.retries++`,
 * `Object.assign(api, …)`, a `var` in a block), nested functions included. A call such as
 * `app.get("/", handler)` declares nothing: what a call registers is read, where a check reads it,
 * from the text (`fileFacts`). Undefined for a namespace or `declare global`, which may change anything.
 * (Counting the assignments inside declarations too re-checked whole classes on half-typed statements:
 * a declaration the parser lost turns `price = …` into an outer name every class mentions.)
 */
function declaredNames(statement: ts.Statement): ReadonlySet<string> | undefined {
  const names = new Set<string>();
  const add = (name: string) => names.add(name);
  if (ts.isModuleDeclaration(statement)) return undefined;
  if (ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement) || ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement) || ts.isEnumDeclaration(statement)) {
    if (statement.name) names.add(statement.name.text);
  } else if (ts.isVariableStatement(statement)) {
    for (const declaration of statement.declarationList.declarations) forEachBoundName(declaration.name, add);
  } else if (ts.isImportDeclaration(statement)) {
    const clause = statement.importClause;
    if (clause?.name) names.add(clause.name.text);
    const bindings = clause?.namedBindings;
    if (bindings && ts.isNamespaceImport(bindings)) names.add(bindings.name.text);
    else if (bindings) for (const specifier of bindings.elements) names.add(specifier.name.text);
  } else if (ts.isImportEqualsDeclaration(statement)) {
    names.add(statement.name.text);
  } else {
    addAssignedNames(statement, names);
  }
  return names;
}

/** Functions that change the object passed first. */
const MUTATORS = new Set(['Object.assign', 'Object.defineProperty', 'Object.defineProperties', 'Object.setPrototypeOf', 'Reflect.set', 'Reflect.defineProperty', 'Reflect.deleteProperty']);

function addAssignedNames(statement: ts.Statement, names: Set<string>): void {
  const addName = (identifier: ts.Identifier): void => {
    if (!declaredInside(identifier, statement)) names.add(identifier.text);
  };
  const addRoot = (target: ts.Node): void => {
    // `a.b[c].d = …` changes what `a` holds; a destructuring target assigns each name in it.
    if (ts.isIdentifier(target)) addName(target);
    else if (ts.isPropertyAccessExpression(target) || ts.isElementAccessExpression(target) || ts.isParenthesizedExpression(target) || ts.isNonNullExpression(target)) addRoot(target.expression);
    else if (ts.isObjectLiteralExpression(target) || ts.isArrayLiteralExpression(target)) ts.forEachChild(target, collectIdentifiers);
    else if (ts.isPropertyAssignment(target) || ts.isSpreadAssignment(target) || ts.isSpreadElement(target)) ts.forEachChild(target, collectIdentifiers);
  };
  const collectIdentifiers = (node: ts.Node): void => {
    if (ts.isIdentifier(node)) addName(node);
    else ts.forEachChild(node, collectIdentifiers);
  };
  const visit = (node: ts.Node): void => {
    if (ts.isBinaryExpression(node) && node.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && node.operatorToken.kind <= ts.SyntaxKind.LastAssignment) addRoot(node.left);
    else if ((ts.isPrefixUnaryExpression(node) || ts.isPostfixUnaryExpression(node)) && (node.operator === ts.SyntaxKind.PlusPlusToken || node.operator === ts.SyntaxKind.MinusMinusToken)) addRoot(node.operand);
    else if (ts.isDeleteExpression(node)) addRoot(node.expression);
    else if (ts.isCallExpression(node) && node.arguments[0] && ts.isPropertyAccessExpression(node.expression) && ts.isIdentifier(node.expression.expression) && MUTATORS.has(`${node.expression.expression.text}.${node.expression.name.text}`)) addRoot(node.arguments[0]);
    else if (ts.isVariableDeclarationList(node) && (node.flags & ts.NodeFlags.BlockScoped) === 0 && node.parent !== statement && !insideFunction(node, statement)) {
      // A `var` in a block or loop at the top level belongs to the module scope.
      for (const declaration of node.declarations) forEachBoundName(declaration.name, (name) => names.add(name));
    }
    ts.forEachChild(node, visit);
  };
  visit(statement);
}

/** Each name a binding declares: `a`, and the names inside patterns (`{ a, b: [c] }`). */
function forEachBoundName(binding: ts.BindingName, visit: (name: string) => void): void {
  if (ts.isIdentifier(binding)) visit(binding.text);
  else for (const element of binding.elements) if (!ts.isOmittedExpression(element)) forEachBoundName(element.name, visit);
}

function binds(binding: ts.BindingName, name: string): boolean {
  let found = false;
  forEachBoundName(binding, (bound) => (found ||= bound === name));
  return found;
}

function insideFunction(node: ts.Node, statement: ts.Statement): boolean {
  for (let current = node.parent; current && current !== statement; current = current.parent) if (ts.isFunctionLike(current)) return true;
  return false;
}

/**
 * Whether an assigned name is declared within the statement itself, in a scope enclosing the
 * assignment (a local `sum += x` changes nothing another statement reads). The statement's own
 * top-level names are not "inside": other statements see them. When unsure, not inside.
 */
function declaredInside(identifier: ts.Identifier, statement: ts.Statement): boolean {
  const name = identifier.text;
  for (let node = identifier.parent; node && node !== statement.parent; node = node.parent) {
    if (ts.isFunctionLike(node)) {
      if (node.parameters.some((parameter) => binds(parameter.name, name))) return true;
      if (ts.isFunctionExpression(node) && node.name?.text === name) return true;
    } else if (node !== statement && (ts.isBlock(node) || ts.isModuleBlock(node) || ts.isCaseClause(node) || ts.isDefaultClause(node))) {
      for (const inner of node.statements) {
        if (ts.isVariableStatement(inner) && inner.declarationList.declarations.some((declaration) => binds(declaration.name, name))) return true;
        if ((ts.isFunctionDeclaration(inner) || ts.isClassDeclaration(inner)) && inner.name?.text === name) return true;
      }
    } else if ((ts.isForStatement(node) || ts.isForOfStatement(node) || ts.isForInStatement(node)) && node.initializer && ts.isVariableDeclarationList(node.initializer)) {
      if (node.initializer.declarations.some((declaration) => binds(declaration.name, name))) return true;
    } else if (ts.isCatchClause(node) && node.variableDeclaration && binds(node.variableDeclaration.name, name)) {
      return true;
    }
  }
  return false;
}

/** A finding with offsets moved by `delta` (fixes included). */
export function shiftFinding(finding: RawFinding, delta: number): RawFinding {
  const shifted: RawFinding = { ...finding, start: finding.start + delta, end: finding.end + delta };
  if (finding.fixes) shifted.fixes = finding.fixes.map((fix) => shiftFix(fix, delta));
  return shifted;
}

function shiftFix(fix: RawFix, delta: number): RawFix {
  return { ...fix, changes: fix.changes.map((change) => ({ ...change, start: change.start + delta, end: change.end + delta })) };
}

/**
 * Whether every offset of a finding lies within [start, end] of this document: only then can it move
 * with its statement. A fix that touches another file (or creates one) is recomputed every time.
 */
export function findingWithin(finding: RawFinding, start: number, end: number): boolean {
  if (finding.start < start || finding.end > end) return false;
  return (finding.fixes ?? []).every((fix) => !fix.createFiles?.length && fix.changes.every((change) => change.path === undefined && change.start >= start && change.end <= end));
}

/** The index of the top-level statement whose span [pos, end) holds `offset`, or -1. */
export function statementAt(statements: readonly ts.Statement[], offset: number): number {
  let low = 0;
  let high = statements.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const statement = statements[mid]!;
    if (offset < statement.pos) high = mid - 1;
    else if (offset >= statement.end) low = mid + 1;
    else return mid;
  }
  return -1;
}

/**
 * The findings of statement-local checks after an analysis: those just found, and for the statements
 * not checked again, the previous analysis's, moved with their statement. Also the facts to keep for
 * the next analysis (undefined when a finding lies outside every statement). Undefined when a check
 * reported on a statement it was not asked to check: it is not local, and everything must be checked.
 */
export function mergeStatementFindings(
  tree: ts.SourceFile,
  local: readonly (RawFinding[] | undefined)[],
  restricted: ReadonlySet<ts.Statement> | undefined,
  previous: IncrementalState | undefined,
  factsOf: (statement: ts.Statement) => StatementNames,
): { findings: RawFinding[]; statements?: Map<ts.Statement, StatementFacts> } | undefined {
  const statements = tree.statements;
  // Findings by statement index, then by check: few statements have any.
  const found = new Map<number, RawFinding[][]>();
  const findings: RawFinding[] = [];
  let keep = true;
  for (let checkIndex = 0; checkIndex < local.length; checkIndex++) {
    for (const finding of local[checkIndex] ?? []) {
      const at = statementAt(statements, finding.start);
      if (restricted && (at < 0 || !restricted.has(statements[at]!))) return undefined;
      if (at < 0) {
        keep = false;
        findings.push(finding);
        continue;
      }
      let byCheck = found.get(at);
      if (!byCheck) found.set(at, (byCheck = []));
      (byCheck[checkIndex] ??= []).push(finding);
    }
  }
  // The previous state is consumed: on a keystroke its map is updated in place rather than copied.
  const kept = restricted ? previous!.statements : new Map<ts.Statement, StatementFacts>();
  if (restricted) kept.forEach((_, statement) => statement.parent !== tree && kept.delete(statement));
  statements.forEach((statement, index) => {
    if (restricted && !restricted.has(statement)) {
      const lists = kept.get(statement)!.findings;
      for (let check = 0; check < lists.length; check++) {
        const list = lists[check];
        if (list) for (let i = 0; i < list.length; i++) findings.push(shiftFinding(list[i]!, statement.pos));
      }
      return;
    }
    const relative: RawFinding[][] = [];
    let volatile = false;
    found.get(index)?.forEach((list, checkIndex) => {
      for (const finding of list ?? []) {
        findings.push(finding);
        if (findingWithin(finding, statement.pos, statement.end)) (relative[checkIndex] ??= []).push(shiftFinding(finding, -statement.pos));
        else volatile = true;
      }
    });
    kept.set(statement, { ...factsOf(statement), findings: relative, ...(volatile ? { volatile } : {}) });
  });
  return { findings, ...(keep ? { statements: kept } : {}) };
}
