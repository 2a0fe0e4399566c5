// Rows from the precision survey on Debian's node-* packages (notes: jssurvey.md): each false positive
// found there, written small, next to the close variant that must still be reported.
import { ruleTable } from '../../helpers/rule-tester';

const RULE = 'failure/swallowed-error';
const js = (code: string) => ({ code, filename: 'src/a.js' });

ruleTable(RULE, {
  valid: [
    // Deleting a temp file through a promisified `fs.unlink` is discard cleanup, like `fs.promises.unlink(p)`.
    js('async function write(tmpfile) {\n  await promisify(fs.unlink)(tmpfile).catch(() => {});\n  await util.promisify(fs.rm)(tmpfile).catch(() => undefined);\n}'),
    // The handler sits in a callback, the promise is returned by the function that holds it: the caller still sees the rejection.
    js('function retry(options) {\n  const promise = asPromise(options);\n  onCancel(() => {\n    promise.catch(() => {});\n    promise.cancel();\n  });\n  return promise;\n}'),
    // A field another method awaits (through a local), or hands on into the next promise.
    js('class Graph {\n  async awaitLoading() {\n    let start;\n    do {\n      start = this.loading;\n      await start;\n    } while (start !== this.loading);\n  }\n  extend(next) {\n    this.loading = Promise.all([next, this.loading]);\n    this.loading.catch(() => {\n      /* avoid unhandled rejections */\n    });\n    return next;\n  }\n}'),
  ],
  invalid: [
    // A module-level promise handed on by another top-level statement: not looked for there (checks go statement by statement).
    { ...js('const ready = connect();\nready.catch(() => {});\nexport async function query() {\n  await ready;\n}'), errors: [{ line: 2, column: 7 }] },
    // `close` is not a discard operation (buffered writes may be lost), promisified or not; nor is a promisify of something else.
    { ...js('async function write(fd) {\n  await promisify(fs.close)(fd).catch(() => {});\n  await wrap(fs.unlink)(fd).catch(() => {});\n}'), errors: [{ line: 2, column: 33 }, { line: 3, column: 29 }] },
    // Nobody else takes the promise: the callback's handler is the only one, and it drops the failure.
    { ...js('function retry(options) {\n  const promise = asPromise(options);\n  onCancel(() => {\n    promise.catch(() => {});\n    promise.cancel();\n  });\n  return options;\n}'), errors: [{ line: 4, column: 13 }] },
    // A field only assigned and caught, never read elsewhere in the class.
    { ...js('class Graph {\n  extend(next) {\n    this.loading = Promise.all([next]);\n    this.loading.catch(() => {});\n    return next;\n  }\n  other() {\n    this.loading = null;\n  }\n}'), errors: [{ line: 4, column: 18 }] },
  ],
});
