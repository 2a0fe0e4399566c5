// failure/floating-promise in Python: a coroutine call without await (an async def of the file, a
// method of the same class on self, an asyncio coroutine, under any import alias), a task nobody keeps
// (asyncio.create_task / ensure_future / gather, loop.create_task), a coroutine returned unawaited from an
// async def, and what is left alone: awaited or assigned calls, TaskGroup tasks, sync functions, names also defined without async, async
// generators, decorated coroutines, other objects' methods. The await fix only inside an async def.
// Across files: a coroutine function another module defines, by every import form, with the index or
// read on demand, and not a sync function, a submodule called as a function, or a name the file redefines.
import * as assert from "node:assert/strict";
import { preparePythonImports } from "../../../server/src/engine/index";
import type { Finding } from "../../../server/src/engine/index";
import { analyse, visible } from "../../helpers/engine";
import { findingRows, fixSummary } from "../../helpers/rule-tester";

const COROUTINE = "makes a coroutine and nothing awaits it";
const TASK = "starts a task and nothing keeps it";
const RETURNED = "returns a coroutine from an `async def` without awaiting it";

// [code, expected: "line:col callee kind [=> fix]"]
const ROWS: [string, string[]][] = [
  ["async def send(user):\n    ...\n\nasync def signup(user):\n    send(user)\n", ["5:5 `send(…)` " + COROUTINE + " => Await the coroutine 5:5 \"await \""]],
  ["async def send(user):\n    ...\n\ndef signup(user):\n    send(user)\n", ["5:5 `send(…)` " + COROUTINE]],
  ["async def send(user):\n    ...\n\nasync def signup(user):\n    await send(user)\n    x = send(user)\n    return send(user)\n", ["7:12 `send(…)` " + RETURNED + " => Await the coroutine 7:12 \"await \""]],
  ["class Mailer:\n    async def flush(self):\n        ...\n    async def close(self):\n        self.flush()\n", ["5:9 `self.flush(…)` " + COROUTINE + " => Await the coroutine 5:9 \"await \""]],
  ["class Mailer:\n    async def flush(self):\n        ...\nclass Other:\n    def flush(self):\n        ...\n    def close(self):\n        self.flush()\n", []],
  ["class Mailer:\n    @staticmethod\n    async def flush():\n        ...\n    async def close(self):\n        self.flush()\n", ["6:9 `self.flush(…)` " + COROUTINE + " => Await the coroutine 6:9 \"await \""]],
  ["import asyncio\n\nasync def tick():\n    asyncio.sleep(1)\n", ["4:5 `asyncio.sleep(…)` " + COROUTINE + " => Await the coroutine 4:5 \"await \""]],
  ["import asyncio as aio\nfrom asyncio import sleep as nap, create_task\n\nasync def tick(job):\n    nap(1)\n    aio.wait_for(job, 5)\n    create_task(job)\n", ["5:5 `nap(…)` " + COROUTINE + " => Await the coroutine 5:5 \"await \"", "6:5 `aio.wait_for(…)` " + COROUTINE + " => Await the coroutine 6:5 \"await \"", "7:5 `create_task(…)` " + TASK]],
  ["import asyncio\n\nasync def main(job):\n    asyncio.create_task(job())\n    asyncio.ensure_future(job())\n    asyncio.gather(job(), job())\n", ["4:5 `asyncio.create_task(…)` " + TASK, "5:5 `asyncio.ensure_future(…)` " + TASK, "6:5 `asyncio.gather(…)` " + TASK]],
  ["import asyncio\n\ndef start(loop, job):\n    loop.create_task(job())\n    asyncio.get_running_loop().create_task(job())\n", ["4:5 `loop.create_task(…)` " + TASK, "5:5 `asyncio.get_running_loop().create_task(…)` " + TASK]],
  ["import asyncio\n\nasync def main(job):\n    task = asyncio.create_task(job())\n    background.add(asyncio.create_task(job()))\n    async with asyncio.TaskGroup() as tg:\n        tg.create_task(job())\n    await asyncio.gather(job())\n", []],
  ["async def send():\n    ...\n\ndef send():\n    ...\n\nasync def run():\n    send()\n", []],
  ["async def ticks():\n    yield 1\n\nasync def run():\n    ticks()\n", []],
  ["@app.task\nasync def send():\n    ...\n\nasync def run():\n    send()\n", []],
  ["async def send():\n    ...\n\nasync def run(client):\n    client.send()\n    other.send()\n", []],
  ["def send():\n    ...\n\nasync def run():\n    send()\n", []],
  ["import asyncio\n\nasync def outer():\n    def inner():\n        asyncio.sleep(1)\n    inner()\n", ["5:9 `asyncio.sleep(…)` " + COROUTINE]],
  ["import trio\n\nasync def run():\n    trio.sleep(1)\n", []],
  // Instances of the file's classes: `mailer = Mailer()`, `self.mailer = Mailer()`; not a name also given something else.
  ["class Mailer:\n    async def send(self, to):\n        ...\n    def close(self):\n        ...\n\nmailer = Mailer()\n\nasync def signup(user):\n    mailer.send(user)\n    mailer.close()\n", ["10:5 `mailer.send(…)` " + COROUTINE + " => Await the coroutine 10:5 \"await \""]],
  ["class Mailer:\n    async def send(self, to):\n        ...\n\nclass Signup:\n    def __init__(self):\n        self.mailer = Mailer()\n    async def run(self, user):\n        self.mailer.send(user)\n", ["9:9 `self.mailer.send(…)` " + COROUTINE + " => Await the coroutine 9:9 \"await \""]],
  ["class Mailer:\n    async def send(self, to):\n        ...\n\nmailer = Mailer()\nmailer = make_mailer()\n\nasync def signup(user):\n    mailer.send(user)\n", []],
  // A coroutine returned unawaited from an async def; a plain def may hand back an awaitable.
  ["import asyncio\n\nasync def load(key):\n    ...\n\nasync def get(key):\n    return load(key)\n\ndef later(key):\n    return load(key)\n\nasync def nap():\n    return asyncio.sleep(1)\n\nasync def ok(key):\n    return await load(key)\n", ["7:12 `load(…)` " + RETURNED + " => Await the coroutine 7:12 \"await \"", "13:12 `asyncio.sleep(…)` " + RETURNED + " => Await the coroutine 13:12 \"await \""]],
];

/** A finding as a row: position, how the message names the call, which kind of drop, the fix. */
function showFloating(f: Finding): string {
  const kind = f.message.includes(COROUTINE) ? COROUTINE : f.message.includes(TASK) ? TASK : f.message.includes(RETURNED) ? RETURNED : f.message;
  return `${f.line}:${f.column} ${/^`[^`]+`/.exec(f.message)![0]} ${kind}${fixSummary(f)}`;
}

findingRows("failure/floating-promise (Python coroutines and tasks)", "failure/floating-promise", ROWS, { filename: "app/jobs.py", show: showFloating });

const MAILER = "import smtplib\n\nasync def send(to):\n    ...\n\ndef render(to):\n    ...\n\n@retry\nasync def send_later(to):\n    ...\n";
// [files besides app/signup.py, its code, expected]
const CROSS_FILE: [Record<string, string>, string, string[]][] = [
  [{ "app/mailer.py": MAILER }, "from app.mailer import send\n\nasync def signup(user):\n    send(user)\n", ["4:5 `send(…)` " + COROUTINE + " => Await the coroutine 4:5 \"await \""]],
  [{ "app/mailer.py": MAILER }, "from .mailer import send as deliver\n\ndef signup(user):\n    deliver(user)\n\nasync def later():\n    ...\n", ["4:5 `deliver(…)` " + COROUTINE]],
  // A file with no async code of its own is not read for calls into other modules' coroutines (the cost of parsing every Python file).
  [{ "app/mailer.py": MAILER }, "from .mailer import send as deliver\n\ndef signup(user):\n    deliver(user)\n", []],
  [{ "app/mailer.py": MAILER, "app/__init__.py": "" }, "from app import mailer\n\nasync def signup(user):\n    mailer.send(user)\n", ["4:5 `mailer.send(…)` " + COROUTINE + " => Await the coroutine 4:5 \"await \""]],
  [{ "app/mailer.py": MAILER, "app/__init__.py": "" }, "from . import mailer\n\nasync def signup(user):\n    mailer.send(user)\n", ["4:5 `mailer.send(…)` " + COROUTINE + " => Await the coroutine 4:5 \"await \""]],
  [{ "app/mailer.py": MAILER }, "import app.mailer as m\n\nasync def signup(user):\n    m.send(user)\n", ["4:5 `m.send(…)` " + COROUTINE + " => Await the coroutine 4:5 \"await \""]],
  [{ "app/mailer.py": MAILER }, "import app.mailer\n\nasync def signup(user):\n    app.mailer.send(user)\n", ["4:5 `app.mailer.send(…)` " + COROUTINE + " => Await the coroutine 4:5 \"await \""]],
  [{ "src/app/mailer.py": MAILER }, "from app.mailer import send\n\nasync def signup(user):\n    send(user)\n", ["4:5 `send(…)` " + COROUTINE + " => Await the coroutine 4:5 \"await \""]],
  [{ "app/mailer.py": MAILER }, "from app.mailer import render, send_later\n\nasync def signup(user):\n    render(user)\n    send_later(user)\n", []],
  [{ "app/mailer.py": MAILER }, "from app.mailer import send\n\ndef send(user):\n    ...\n\nasync def signup(user):\n    send(user)\n", []],
  [{ "app/mailer/__init__.py": MAILER }, "from app import mailer\n\nasync def signup(user):\n    mailer(user)\n", []],
  [{}, "from mailer import send\n\nasync def signup(user):\n    send(user)\n", []],
  [{ "backend/app/mailer.py": MAILER }, "from app.mailer import send\n\nasync def signup(user):\n    send(user)\n", ["4:5 `send(…)` " + COROUTINE + " => Await the coroutine 4:5 \"await \""]],
];

describe("failure/floating-promise (Python coroutines of other modules)", () => {
  before(() => preparePythonImports());
  for (const workspace of [true, false]) {
    CROSS_FILE.forEach(([files, code, expected], index) => {
      it(`#${index} ${workspace ? "with the index" : "read on demand"}: ${code.split("\n")[0]} … ${code.trim().split("\n").slice(-1)[0].trim()}`, () => {
        const found = visible(analyse(code, { filename: files["src/app/mailer.py"] ? "src/app/signup.py" : files["backend/app/mailer.py"] ? "backend/app/signup.py" : "app/signup.py", files, workspace })).filter((f) => f.ruleId === "failure/floating-promise").map(showFloating);
        assert.deepEqual(found, expected);
      });
    });
  }
});
