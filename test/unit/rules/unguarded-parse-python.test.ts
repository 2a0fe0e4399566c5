// failure/unguarded-parse in Python: json.loads of a request body (Flask, Django, Starlette, a Lambda
// event), request parameters, a response, the environment, the command line, standard input, queue and
// socket messages, through assignments and pass-through calls; json.load of a file opened here or with
// `with`; other json modules and import forms. Not reported: inside try/except, a module's own data file,
// a literal or an unknown value. Reported still: try/finally without except, a try around a function's definition.
import { findingRows } from "../../helpers/rule-tester";

const ROWS: [string, string[]][] = [
  ["import json\n\ndef handler(event, context):\n    body = json.loads(event[\"body\"])\n", ["4:12 json.loads a request body fails the whole request or message (a 400)"]],
  ["import json\n\ndef handler(event, context):\n    body = json.loads(event.get(\"body\") or \"{}\")\n", ["4:12 json.loads a request body fails the whole request or message (a 400)"]],
  ["import json\nfrom flask import request\n\n@app.post('/orders')\ndef create():\n    order = json.loads(request.data)\n", ["6:13 json.loads a request body fails the whole request or message (a 400)"]],
  ["import json\n\ndef create(request):\n    raw = request.body.decode('utf-8')\n    order = json.loads(raw)\n", ["5:13 json.loads a request body fails the whole request or message (a 400)"]],
  ["import json\n\nasync def create(request):\n    order = json.loads(await request.body())\n", ["4:13 json.loads a request body fails the whole request or message (a 400)"]],
  ["import json\n\ndef search(request):\n    filters = json.loads(request.args[\"filters\"])\n", ["4:15 json.loads request input fails the whole request or message (a 400)"]],
  ["import json, requests\n\ndef fetch(url):\n    response = requests.get(url, timeout=5)\n    return json.loads(response.text)\n", ["5:12 json.loads a network response fails the whole request or message"]],
  ["import json\nfrom urllib.request import urlopen\n\ndef fetch(url):\n    return json.load(urlopen(url, timeout=5))\n", ["5:12 json.load a network response fails the whole request or message"]],
  ["import json, os\n\nSETTINGS = json.loads(os.environ[\"SETTINGS\"])\nFLAGS = json.loads(os.getenv(\"FLAGS\", \"{}\"))\n", ["3:12 json.loads an environment variable stops the program", "4:9 json.loads an environment variable stops the program"]],
  ["import json, sys\n\nargs = json.loads(sys.argv[1])\ndata = json.loads(sys.stdin.read())\n", ["3:8 json.loads command-line input stops the program", "4:8 json.loads standard input stops the program"]],
  ["import json\n\ndef load(path):\n    with open(path) as f:\n        return json.load(f)\n", ["5:16 json.load file contents stops the program"]],
  ["import json\nfrom pathlib import Path\n\nconfig = json.loads(Path(\"config.json\").read_text())\nother = json.load(open(\"other.json\"))\n", ["4:10 json.loads file contents stops the program", "5:9 json.load file contents stops the program"]],
  ["import json\n\ndef consume(msg):\n    event = json.loads(msg.value)\n", ["4:13 json.loads message data fails the whole request or message"]],
  ["import json\n\nasync def chat(websocket):\n    data = json.loads(await websocket.receive_text())\n", ["4:12 json.loads message data fails the whole request or message"]],
  ["import orjson as fastjson\nfrom json import loads as parse\n\ndef handler(event, context):\n    a = fastjson.loads(event[\"body\"])\n    b = parse(event[\"body\"])\n", ["5:9 orjson.loads a request body fails the whole request or message (a 400)", "6:9 json.loads a request body fails the whole request or message (a 400)"]],
  // Guarded, shipped with the code, or not external.
  ["import json\n\ndef handler(event, context):\n    try:\n        body = json.loads(event[\"body\"])\n    except json.JSONDecodeError:\n        return {\"statusCode\": 400}\n", []],
  ["import json\n\ndef handler(event, context):\n    try:\n        body = json.loads(event[\"body\"])\n    finally:\n        log()\n", ["5:16 json.loads a request body fails the whole request or message (a 400)"]],
  // A try around a function's definition does not guard its body, which runs when the function is called.
  ["import json\n\ndef handler(event, context):\n    try:\n        def parse():\n            return json.loads(event[\"body\"])\n    except ValueError:\n        pass\n", ["6:20 json.loads a request body fails the whole request or message (a 400)"]],
  ["import json, os\n\nHERE = os.path.dirname(__file__)\nwith open(os.path.join(os.path.dirname(__file__), \"schema.json\")) as f:\n    SCHEMA = json.load(f)\n", []],
  ["import json\n\ndef parse(text):\n    return json.loads(text)\n\nTABLE = json.loads('{\"a\": 1}')\n", []],
  ["import json\n\ndef copy(value):\n    return json.loads(json.dumps(value))\n", []],
  ["import simplejson\n\ndef f(cache):\n    return simplejson.loads(cache.get(\"k\"))\n", []],
];

findingRows("failure/unguarded-parse (Python)", "failure/unguarded-parse", ROWS, {
  filename: "app/handler.py",
  show: (f) => {
    const [, api, source, outcome] = /^`([^`]+)` of (.+?) with no error handling: .* here and (stops the program|fails the whole request or message)/.exec(f.message) ?? [];
    return `${f.line}:${f.column} ${api} ${source} ${outcome}${f.message.includes("(a 400)") ? " (a 400)" : ""}`;
  },
});
