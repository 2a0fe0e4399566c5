// failure/async-callback in Python: a coroutine function (of the file, a method on self, or imported)
// passed to a caller that calls it and drops the coroutine — threads, processes, timers, the loop's
// call_soon/call_later/run_in_executor/add_signal_handler, executors, add_done_callback, atexit,
// signal, schedule — or a lambda that only calls one. Not reported: sync functions, lambdas that
// schedule the coroutine, callers that await (asyncio.create_task, gather), other arguments.
import * as assert from "node:assert/strict";
import { preparePythonImports } from "../../../server/src/engine/index";
import { analyse, visible } from "../../helpers/engine";
import { findingRows } from "../../helpers/rule-tester";

const ROWS: [string, string[]][] = [
  ["import threading\n\nasync def refresh():\n    ...\n\nthreading.Thread(target=refresh).start()\n", ["6:25 `refresh` `threading.Thread(target=…)` other-thread"]],
  ["from threading import Timer\n\nasync def refresh():\n    ...\n\nTimer(30, refresh).start()\n", ["6:11 `refresh` `Timer(…, callback)` other-thread"]],
  ["import asyncio\n\nasync def refresh():\n    ...\n\ndef start(loop):\n    loop.call_soon(refresh)\n    loop.call_later(5, lambda: refresh())\n", ["7:20 `refresh` `loop.call_soon(callback)` loop", "8:24 `lambda: refresh()` `loop.call_later(…, callback)` loop"]],
  ["import asyncio\n\nclass Worker:\n    async def flush(self):\n        ...\n    async def run(self, executor):\n        loop = asyncio.get_running_loop()\n        await loop.run_in_executor(executor, self.flush)\n        executor.submit(self.flush)\n", ["8:46 `self.flush` `loop.run_in_executor(executor, callback)` other-thread", "9:25 `self.flush` `executor.submit(callback)` other-thread"]],
  ["import atexit, signal\n\nasync def shutdown(*args):\n    ...\n\natexit.register(shutdown)\nsignal.signal(signal.SIGTERM, shutdown)\n", ["6:17 `shutdown` `atexit.register(callback)` loop", "7:31 `shutdown` `signal.signal(signal, handler)` loop"]],
  ["async def done(fut):\n    ...\n\ndef watch(task):\n    task.add_done_callback(done)\n", ["5:28 `done` `task.add_done_callback(callback)` loop"]],
  ["import schedule\n\nasync def job():\n    ...\n\nschedule.every(10).minutes.do(job)\n", ["6:31 `job` `schedule.every(10).minutes.do(job)` loop"]],
  // Not dropped, or not a coroutine function.
  ["import threading, asyncio\n\ndef refresh_sync():\n    ...\n\nasync def refresh():\n    ...\n\nthreading.Thread(target=refresh_sync).start()\nthreading.Thread(target=lambda: asyncio.run(refresh())).start()\n", []],
  ["import asyncio\n\nasync def refresh():\n    ...\n\ndef start(loop):\n    loop.call_soon(lambda: asyncio.create_task(refresh()))\n    loop.call_soon(print, refresh)\n", []],
  ["import asyncio\n\nasync def refresh():\n    ...\n\nasync def main():\n    task = asyncio.create_task(refresh())\n    await asyncio.gather(refresh())\n", []],
];

findingRows("failure/async-callback (Python)", "failure/async-callback", ROWS, {
  filename: "app/jobs.py",
  show: (f) => {
    const [, callback, caller] = /^Coroutine function `([^`]+)` passed to `([^`]+)`/.exec(f.message) ?? [];
    return `${f.line}:${f.column} \`${callback}\` \`${caller}\` ${f.message.includes("in the thread") ? "other-thread" : "loop"}`;
  },
});

describe("failure/async-callback (Python, a coroutine function of another module)", () => {
  before(() => preparePythonImports());

  it("knows a coroutine function of another module", () => {
    const files = { "app/cache.py": "async def refresh():\n    ...\n" };
    const code = "import threading\nfrom app.cache import refresh\n\nasync def main():\n    threading.Thread(target=refresh).start()\n";
    const found = visible(analyse(code, { filename: "app/jobs.py", files, workspace: true })).filter((f) => f.ruleId === "failure/async-callback");
    assert.deepEqual(found.map((f) => `${f.line}:${f.column}`), ["5:29"]);
  });
});
