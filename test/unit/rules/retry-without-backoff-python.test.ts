// failure/retry-without-backoff in Python: retry loops (while, for over range or count) that try a
// remote call (requests, httpx, urllib, aiohttp, a session or client, an awaited call), leave on
// success and go round from an except: no wait at all, or a constant wait with no cap. Not reported:
// growing waits (2 ** attempt, delay *= 2, jitter), capped constant waits, excepts that always raise,
// loops over collections, local work, and loops that never leave on success.
import { findingRows } from "../../helpers/rule-tester";

const NO_DELAY = "no-delay";
const UNCAPPED = "uncapped";

const ROWS: [string, string[]][] = [
  ["import requests\n\ndef fetch(url):\n    for attempt in range(5):\n        try:\n            return requests.get(url, timeout=5)\n        except requests.RequestException:\n            continue\n", ["4:5 " + NO_DELAY]],
  ["import requests\n\ndef fetch(url):\n    while True:\n        try:\n            r = requests.get(url, timeout=5)\n            break\n        except Exception as e:\n            print(e)\n", ["4:5 " + NO_DELAY]],
  ["import time, requests\n\ndef fetch(url):\n    while True:\n        try:\n            return requests.get(url, timeout=5)\n        except requests.RequestException:\n            time.sleep(5)\n", ["4:5 " + UNCAPPED]],
  ["import asyncio\n\nasync def publish(client, event):\n    while True:\n        try:\n            await client.publish(event)\n            break\n        except ConnectionError:\n            await asyncio.sleep(1)\n", ["4:5 " + UNCAPPED]],
  ["import itertools, time\n\ndef poll(session):\n    for attempt in itertools.count():\n        try:\n            return session.get('/status')\n        except OSError:\n            time.sleep(2)\n", ["4:5 " + UNCAPPED]],
  ["import httpx\n\ndef fetch(url):\n    for _ in range(3):\n        try:\n            resp = httpx.get(url)\n        except httpx.HTTPError:\n            pass\n        else:\n            return resp\n", ["4:5 " + NO_DELAY]],
  // Backoff, caps, and loops that are not retries.
  ["import time, requests\n\ndef fetch(url):\n    for attempt in range(5):\n        try:\n            return requests.get(url, timeout=5)\n        except requests.RequestException:\n            time.sleep(2 ** attempt)\n", []],
  ["import time, requests\n\ndef fetch(url):\n    delay = 1\n    while True:\n        try:\n            return requests.get(url, timeout=5)\n        except requests.RequestException:\n            time.sleep(delay)\n            delay *= 2\n", []],
  ["import time, random, requests\n\ndef fetch(url):\n    while True:\n        try:\n            return requests.get(url, timeout=5)\n        except requests.RequestException:\n            time.sleep(1 + random.random())\n", []],
  ["import time, requests\n\ndef fetch(url):\n    for attempt in range(5):\n        try:\n            return requests.get(url, timeout=5)\n        except requests.RequestException:\n            time.sleep(1)\n", []],
  ["import time, requests\n\ndef fetch(url):\n    attempt = 0\n    while True:\n        try:\n            return requests.get(url, timeout=5)\n        except requests.RequestException:\n            attempt += 1\n            if attempt >= 5:\n                raise\n            time.sleep(1)\n", []],
  ["import requests\n\ndef fetch(url):\n    for attempt in range(5):\n        try:\n            return requests.get(url, timeout=5)\n        except requests.RequestException:\n            raise\n", []],
  ["import requests\n\ndef fetch_all(urls):\n    for url in urls:\n        try:\n            requests.get(url, timeout=5)\n            break\n        except requests.RequestException:\n            continue\n", []],
  ["import json\n\ndef read(paths):\n    for i in range(3):\n        try:\n            return json.load(open(paths[i]))\n        except OSError:\n            continue\n", []],
  ["from urllib3 import util\n\nclass Socket:\n    def send(self, data):\n        while True:\n            try:\n                return self.connection.send(data)\n            except WantWriteError:\n                if not util.wait_for_write(self.socket, self.timeout):\n                    raise\n                continue\n", []],
  ["import requests\n\ndef drain(queue):\n    while True:\n        try:\n            requests.post('/x', json=queue.get(), timeout=5)\n        except requests.RequestException:\n            continue\n", []],
];

findingRows("failure/retry-without-backoff (Python)", "failure/retry-without-backoff", ROWS, {
  filename: "app/client.py",
  show: (f) => `${f.line}:${f.column} ${f.message.includes("no delay") ? NO_DELAY : f.message.includes("no cap") ? UNCAPPED : f.message}`,
});
