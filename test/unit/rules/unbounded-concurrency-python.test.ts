// failure/unbounded-concurrency in Python: asyncio.gather/wait/as_completed over one coroutine or task
// per item of an input-sized collection (a list parameter, request data, a query result, file lines, a
// directory listing), written in place or gathered first; not with a semaphore or limiter, a fixed
// set of coroutines, or a collection of unknown size.
import { findingRows } from "../../helpers/rule-tester";

const ROWS: [string, string[]][] = [
  ["import asyncio\n\nasync def fetch(url):\n    ...\n\nasync def fetch_all(urls: list[str]):\n    return await asyncio.gather(*[fetch(u) for u in urls])\n", ["7:18 asyncio.gather urls a list parameter"]],
  ["import asyncio\n\nasync def notify_all(conn):\n    rows = await conn.fetch('select * from users')\n    await asyncio.gather(*(notify(r) for r in rows))\n", ["5:11 asyncio.gather rows a query result"]],
  ["import asyncio\n\nasync def handle(request):\n    body = await request.json()\n    tasks = [asyncio.create_task(delete(i)) for i in body[\"ids\"]]\n    await asyncio.gather(*tasks)\n", ["6:11 asyncio.gather body[\"ids\"] request input"]],
  ["import asyncio, os\n\nasync def upload_dir(path):\n    await asyncio.wait([upload(f) for f in os.listdir(path)])\n", ["4:11 asyncio.wait os.listdir(path) a directory listing"]],
  ["import asyncio\n\nasync def process(path):\n    with open(path) as f:\n        lines = f.readlines()\n    await asyncio.gather(*map(handle, lines))\n", ["6:11 asyncio.gather lines file contents"]],
  // Limited, bounded, or unknown.
  ["import asyncio\n\nsem = asyncio.Semaphore(8)\n\nasync def fetch(url):\n    async with sem:\n        ...\n\nasync def fetch_all(urls: list[str]):\n    return await asyncio.gather(*[fetch(u) for u in urls])\n", []],
  ["import asyncio\n\nasync def fetch_all(urls: list[str], limiter):\n    return await asyncio.gather(*[limiter.run(fetch(u)) for u in urls])\n", []],
  ["import asyncio\n\nasync def load(user_id):\n    return await asyncio.gather(load_user(user_id), load_orders(user_id))\n", []],
  ["import asyncio\n\nasync def fetch_all(urls):\n    return await asyncio.gather(*[fetch(u) for u in urls])\n", []],
  ["import asyncio\n\nasync def fetch_all(urls: list[str]):\n    return await asyncio.gather(*[fetch(u) for u in urls[:20]])\n", []],
];

findingRows("failure/unbounded-concurrency (Python)", "failure/unbounded-concurrency", ROWS, {
  filename: "app/jobs.py",
  show: (f) => {
    const [, combinator, collection, source] = /^`([^`]+)` over one coroutine per item of `([^`]+)` \(([^)]+)\)/.exec(f.message) ?? [];
    return `${f.line}:${f.column} ${combinator} ${collection} ${source}`;
  },
});
