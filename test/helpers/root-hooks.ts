// Mocha root hooks (loaded by .mocharc.json). A language server a test started and never shut down
// (its test failed before `shutdown()`, or a test forgot it) would keep mocha waiting forever, and CI
// would time out instead of failing: stop any left at the end, and fail the run if there were some.
import { runningServers } from './lsp-client';

export const mochaHooks = {
  afterAll(): void {
    const left = [...runningServers];
    for (const child of left) child.kill();
    if (left.length > 0) throw new Error(`${left.length} language server(s) started by tests were still running at the end (stopped now): a test did not call shutdown()`);
  },
};
