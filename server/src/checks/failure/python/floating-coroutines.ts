// failure/floating-promise for Python (tree-sitter): the two ways asyncio code drops its work.
// - A coroutine call used as a statement without `await` (`send_email(user)` where `send_email` is an
//   `async def` of this file, a method of the same class called on `self`, or an asyncio coroutine
//   such as `asyncio.sleep`): the call only creates the coroutine; its body never runs, and Python
//   merely warns "coroutine … was never awaited" when it is collected.
// - A task started and not kept (`asyncio.create_task(…)`, `asyncio.ensure_future(…)`,
//   `asyncio.gather(…)`, `loop.create_task(…)` as a statement): the event loop holds tasks only weakly,
//   so one can be collected before it finishes, and its exception is only logged ("Task exception was
//   never retrieved"). A TaskGroup's `create_task` is not reported: the group keeps and awaits its tasks.
// Which functions are coroutine functions is read from this file, and for names imported from another
// module of the workspace from that module's summary in the index (pythonCoroutineExports): an `async
// def` that is also defined without `async` under the same name, that yields (an async generator), or
// that is decorated (a decorator may turn it into anything) is left out.
import type { SyntaxNode } from '../../../engine/grammar/index';
import { nodesOfType, withSyntaxTree } from '../../../engine/grammar/index';
import { pythonImports } from './imports';

export interface FloatingCoroutine {
  /** A coroutine dropped, a task not kept, or a coroutine returned unawaited from an `async def`. */
  kind: 'coroutine' | 'task' | 'returned';
  /** The call, in UTF-16 offsets. */
  start: number;
  end: number;
  /** How the code names what it calls: `send_email`, `self.flush`, `asyncio.create_task`. */
  callee: string;
  /** The call is in an `async def`, so `await` can go before it. */
  inAsyncFunction: boolean;
}

/** asyncio functions that return a coroutine to await. */
const ASYNCIO_COROUTINES = new Set(['sleep', 'wait_for', 'wait', 'to_thread', 'open_connection', 'open_unix_connection', 'start_server', 'create_subprocess_exec', 'create_subprocess_shell']);
/** asyncio functions that schedule work and return the task or future to keep. */
const ASYNCIO_TASKS = new Set(['create_task', 'ensure_future', 'gather']);
/** Decorators that leave an `async def` a coroutine function. */
const TRANSPARENT_DECORATORS = /^(?:staticmethod|classmethod|(?:abc\.)?abstractmethod|(?:typing\.)?override|(?:functools\.)?wraps\(.*\))$/s;

/**
 * Whether `name` of the module that `from <specifier> import <names>` (or `import <specifier>`, names
 * empty) reaches is a coroutine function; `module` when that import reaches a module named like the
 * last name rather than a name in it (`from app import mailer`).
 */
export type ImportedCoroutine = (specifier: string, names: string[], name: string) => boolean | 'module';

export function floatingCoroutines(text: string, imported?: ImportedCoroutine): FloatingCoroutine[] {
  // A file with no async code of its own (no `async`, `await` or asyncio) is not parsed: most Python
  // files are such, and reading every one for a call into another module's coroutine tripled the time
  // of the rule on 18,814 files of Debian's Python packages. Such a call there goes unreported.
  if (!text.includes('async') && !text.includes('await')) return [];
  return (
    withSyntaxTree('python', text, (root) => {
      const asyncio = asyncioNames(root);
      const scope = coroutineScope(root, imported);
      const found: FloatingCoroutine[] = [];
      for (const statement of nodesOfType(root, 'expression_statement')) {
        const call = statement?.namedChildren[0];
        if (!statement || !call || call.type !== 'call' || statement.namedChildren.length !== 1) continue;
        const kind = dropped(call, asyncio, scope);
        if (!kind) continue;
        const fn = call.childForFieldName('function')!;
        found.push({ kind, start: call.startIndex, end: call.endIndex, callee: fn.text, inAsyncFunction: isAsync(enclosingFunction(statement)) });
      }
      // `return fetch(url)` in an `async def`: the caller's `await` yields the coroutine, not its result
      // (Python does not flatten coroutines as JavaScript flattens promises). A plain `def` may hand
      // back an awaitable on purpose.
      for (const statement of nodesOfType(root, 'return_statement')) {
        const call = statement?.namedChildren[0];
        if (!statement || !call || call.type !== 'call' || !isAsync(enclosingFunction(statement))) continue;
        if (dropped(call, asyncio, scope) !== 'coroutine') continue;
        found.push({ kind: 'returned', start: call.startIndex, end: call.endIndex, callee: call.childForFieldName('function')!.text, inAsyncFunction: true });
      }
      found.sort((a, b) => a.start - b.start);
      return found;
    }) ?? []
  );
}

/** What dropping this call's result loses, or undefined when it is not a coroutine or task. */
function dropped(call: SyntaxNode, asyncio: AsyncioNames, scope: CoroutineScope): FloatingCoroutine['kind'] | undefined {
  const fn = call.childForFieldName('function');
  if (!fn) return undefined;
  if (fn.type === 'identifier') {
    const member = asyncio.members.get(fn.text);
    if (member) return ASYNCIO_TASKS.has(member) ? 'task' : ASYNCIO_COROUTINES.has(member) ? 'coroutine' : undefined;
  }
  if (fn.type === 'attribute') {
    const object = fn.childForFieldName('object');
    const member = fn.childForFieldName('attribute')?.text;
    if (!object || !member) return undefined;
    if (object.type === 'identifier' && asyncio.modules.has(object.text)) return ASYNCIO_TASKS.has(member) ? 'task' : ASYNCIO_COROUTINES.has(member) ? 'coroutine' : undefined;
    // `loop.create_task(…)`, `self._loop.create_task(…)`, `asyncio.get_running_loop().create_task(…)`.
    if (member === 'create_task' && (/(?:^|[._])loop$/i.test(object.text) || /\bget_(?:running|event)_loop\(\)$/.test(object.text))) return 'task';
  }
  return isCoroutineFunction(fn, scope) ? 'coroutine' : undefined;
}

/** What the file knows of coroutine functions: its own, and (with a lookup) those its imports name. */
export interface CoroutineScope {
  functions: CoroutineFunctions;
  /** Names given an instance of a class of this file (`mailer = Mailer()`, `self.mailer = Mailer()`), to the class's node id. */
  instances: Map<string, number>;
  imports: Map<string, ImportedName>;
  imported?: ImportedCoroutine;
}

export function coroutineScope(root: SyntaxNode, imported?: ImportedCoroutine): CoroutineScope {
  // What the file itself says is read once per tree: floating-promise and async-callback both ask.
  let own = ownCoroutines.get(root.tree);
  if (!own) ownCoroutines.set(root.tree, (own = { functions: coroutineFunctions(root), instances: instancesOfClasses(root), imports: importedNames(root) }));
  return { ...own, imports: imported ? own.imports : new Map(), imported };
}

const ownCoroutines = new WeakMap<object, Omit<CoroutineScope, 'imported'>>();

/**
 * `mailer = Mailer(…)` or `self.mailer = Mailer(…)` where `Mailer` is a top-level class of this file:
 * the name holds its instances. A name also given anything else is left out.
 */
function instancesOfClasses(root: SyntaxNode): Map<string, number> {
  const classes = new Map<string, number>();
  for (const statement of root.namedChildren) {
    const definition = statement?.type === 'decorated_definition' ? statement.childForFieldName('definition') : statement;
    const name = definition?.type === 'class_definition' ? definition.childForFieldName('name')?.text : undefined;
    if (definition && name) classes.set(name, definition.id);
  }
  const instances = new Map<string, number>();
  const other = new Set<string>();
  if (classes.size === 0) return instances;
  for (const assignment of nodesOfType(root, 'assignment')) {
    const left = assignment.childForFieldName('left');
    const right = assignment.childForFieldName('right');
    if (!left || (left.type !== 'identifier' && left.type !== 'attribute')) continue;
    const made = right?.type === 'call' ? classes.get(right.childForFieldName('function')?.text ?? '') : undefined;
    if (made === undefined || (instances.has(left.text) && instances.get(left.text) !== made)) other.add(left.text);
    else instances.set(left.text, made);
  }
  for (const name of other) instances.delete(name);
  return instances;
}

/**
 * Whether an expression names a coroutine function: an `async def` of the module (`send`), a method of
 * the enclosing class (`self.flush`), or one another module of the workspace defines — `send` after
 * `from app.mailer import send`, `mailer.send` after `from app import mailer` or `import app.mailer as
 * mailer`, `app.mailer.send` after `import app.mailer`. A name the file defines itself is its own.
 */
export function isCoroutineFunction(ref: SyntaxNode, scope: CoroutineScope): boolean {
  const { functions, imports, imported } = scope;
  if (ref.type === 'identifier') {
    if (functions.module.has(ref.text)) return functions.module.get(ref.text) === true;
    const binding = imports.get(ref.text);
    return !!imported && !!binding?.name && imported(binding.specifier, [binding.name], binding.name) === true;
  }
  if (ref.type !== 'attribute') return false;
  const object = ref.childForFieldName('object');
  const member = ref.childForFieldName('attribute')?.text;
  if (!object || !member) return false;
  if (object.type === 'identifier' && (object.text === 'self' || object.text === 'cls')) {
    const owner = enclosingClass(ref);
    return !!owner && functions.methods.get(owner.id)?.get(member) === true;
  }
  const instanceOf = scope.instances.get(object.text);
  if (instanceOf !== undefined) return functions.methods.get(instanceOf)?.get(member) === true;
  if (!imported) return false;
  const binding = imports.get(object.text);
  if (binding?.name) return imported(binding.specifier, [binding.name], member) === 'module' && imported(`${binding.specifier}.${binding.name}`.replace(/^(\.+)\./, '$1'), [], member) === true;
  if (binding) return imported(binding.specifier, [], member) === true;
  // `import app.mailer` binds `app`; the call names the module in full.
  return [...imports.values()].some((b) => !b.name && b.specifier === object.text) && imported(object.text, [], member) === true;
}

/** A local name bound by an import: `from <specifier> import <name> as local`, or `import <specifier> as local` (name undefined). */
interface ImportedName {
  specifier: string;
  name?: string;
}

/** Module-level imports only (an import inside a function may be shadowed by anything): local name → what it names. */
function importedNames(root: SyntaxNode): Map<string, ImportedName> {
  const names = new Map<string, ImportedName>();
  for (const imported of pythonImports(root)) if (imported.topLevel) names.set(imported.local, { specifier: imported.module, name: imported.name });
  return names;
}

interface AsyncioNames {
  /** Local names of the asyncio module (`asyncio`, `aio` after `import asyncio as aio`). */
  modules: Set<string>;
  /** Local names of asyncio members imported by name (`from asyncio import sleep as nap`: nap → sleep). */
  members: Map<string, string>;
}

function asyncioNames(root: SyntaxNode): AsyncioNames {
  const names: AsyncioNames = { modules: new Set(), members: new Map() };
  for (const imported of pythonImports(root)) {
    if (imported.module !== 'asyncio') continue;
    if (imported.name) names.members.set(imported.local, imported.name);
    else names.modules.add(imported.local);
  }
  return names;
}

export interface CoroutineFunctions {
  /** Functions not defined in a class body, by name: true when every definition of the name is a plain `async def`. */
  module: Map<string, boolean>;
  /** By class node id, its methods the same way. */
  methods: Map<number, Map<string, boolean>>;
}

function coroutineFunctions(root: SyntaxNode): CoroutineFunctions {
  const functions: CoroutineFunctions = { module: new Map(), methods: new Map() };
  const generators = functionsThatYield(root);
  for (const definition of nodesOfType(root, 'function_definition')) {
    const name = definition?.childForFieldName('name')?.text;
    if (!definition || !name) continue;
    const decorated = definition.parent?.type === 'decorated_definition' ? definition.parent : undefined;
    const owner = (decorated ?? definition).parent?.parent;
    const table = owner?.type === 'class_definition' ? mapFor(functions.methods, owner.id) : functions.module;
    const coroutine = isAsync(definition) && !generators.has(definition.id) && (!decorated || decorated.namedChildren.every((child) => child?.type !== 'decorator' || TRANSPARENT_DECORATORS.test(child.text.slice(1).trim())));
    table.set(name, (table.get(name) ?? true) && coroutine);
  }
  return functions;
}

function mapFor(tables: Map<number, Map<string, boolean>>, id: number): Map<string, boolean> {
  let table = tables.get(id);
  if (!table) tables.set(id, (table = new Map()));
  return table;
}

function isAsync(definition: SyntaxNode | undefined): boolean {
  return definition?.children[0]?.type === 'async';
}

/** The ids of the functions with a `yield` in their own body (not in a nested function or lambda): generators. */
function functionsThatYield(root: SyntaxNode): Set<number> {
  const ids = new Set<number>();
  for (const node of root.descendantsOfType('yield')) {
    for (let current = node?.parent; current; current = current.parent) {
      if (current.type === 'lambda' || current.type === 'class_definition') break;
      if (current.type === 'function_definition') {
        ids.add(current.id);
        break;
      }
    }
  }
  return ids;
}

function enclosingFunction(node: SyntaxNode): SyntaxNode | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === 'function_definition') return current;
    if (current.type === 'lambda' || current.type === 'class_definition') return undefined;
  }
  return undefined;
}

/** The class whose method holds this node (`self.x()` inside `def m(self)` of class C: C). */
function enclosingClass(node: SyntaxNode): SyntaxNode | undefined {
  const method = enclosingFunction(node);
  const definition = method?.parent?.type === 'decorated_definition' ? method.parent : method;
  const owner = definition?.parent?.parent;
  return owner?.type === 'class_definition' ? owner : undefined;
}

/** The module's own coroutine functions, for the workspace index: top-level `async def`s only (what `from module import name` can take). */
export function pythonCoroutineExports(text: string): string[] {
  if (!text.includes('async')) return [];
  return (
    withSyntaxTree('python', text, (root) => {
      const functions = coroutineFunctions(root);
      const topLevel = new Set<string>();
      for (const statement of root.namedChildren) {
        const definition = statement?.type === 'decorated_definition' ? statement.childForFieldName('definition') : statement;
        const name = definition?.type === 'function_definition' ? definition.childForFieldName('name')?.text : undefined;
        if (name) topLevel.add(name);
      }
      return [...topLevel].filter((name) => functions.module.get(name) === true).sort();
    }) ?? []
  );
}
