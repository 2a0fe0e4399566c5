// Child process of bench/failure.mjs: what every family costs on a Python file in the editor. The engine,
// in process, analyses a 2,000-line Python file of async service code after each edit of a script that
// types into it, with every rule on (the Python rules read tree-sitter trees; they share one parse per
// text). A tree-sitter parse of each text is timed too, as the floor.
//   python-editor.ts <dir> <edits> <warmup>  → { analysis, parse, findings, lines } (ms per text)
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { DiskHost } from '../server/src/engine/host';
import { createEngine, languageOf, preparePythonImports } from '../server/src/engine/index';
import { defaultConfig } from '../server/src/engine/config/model';
import { parserFor } from '../server/src/engine/grammar/index';

/** One block of the kind of code the rules read: async calls, HTTP, JSON, retries, excepts, threads. */
function block(i: number): string {
  return `
class OrderService${i}:
    def __init__(self, session, pool):
        self.session = session
        self.pool = pool

    async def load(self, order_id: str) -> dict:
        rows = await self.pool.fetch("select * from orders where id = $1", order_id)
        return {"id": order_id, "rows": rows}

    async def notify(self, order: dict) -> None:
        await asyncio.sleep(0)
        log.info("notified %s", order["id"])

    def charge(self, order: dict) -> dict:
        for attempt in range(4):
            try:
                response = requests.post(BILLING_URL, json=order, timeout=5)
                response.raise_for_status()
                return json.loads(response.text)
            except requests.RequestException as err:
                log.warning("charge failed: %s", err)
                time.sleep(2 ** attempt)
        raise RuntimeError("charge failed")

    async def handle(self, request) -> dict:
        try:
            payload = json.loads(await request.body())
        except ValueError:
            return {"status": 400}
        order = await self.load(payload["id"])
        await self.notify(order)
        return {"status": 200, "order": order}


def summarize${i}(orders: list[dict]) -> dict:
    totals = {}
    for order in orders:
        totals[order["status"]] = totals.get(order["status"], 0) + 1
    return totals
`;
}

function generatePython(targetLines: number): string {
  let text = 'import asyncio\nimport json\nimport logging\nimport time\n\nimport requests\n\nlog = logging.getLogger(__name__)\nBILLING_URL = "https://billing.internal/charges"\n';
  for (let i = 0; text.split('\n').length < targetLines; i++) text += block(i);
  return text;
}

async function main(): Promise<void> {
  const [dir, editsArg, warmupArg] = process.argv.slice(2);
  if (!dir) throw new Error('usage: python-editor.ts <dir> <edits> <warmup>');
  const edits = Number(editsArg ?? 200);
  const warmup = Number(warmupArg ?? 40);
  await preparePythonImports();
  const engine = createEngine();
  const host = new DiskHost();
  const file = path.join(dir, 'app', 'orders.py');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const base = generatePython(2000);
  fs.writeFileSync(file, base);
  const config = { dir, config: defaultConfig(), problems: [] };
  const language = languageOf(file);
  // The edit: typing a statement into a function in the middle of the file, one character at a time,
  // then deleting it, as the TypeScript editor benchmark does.
  const at = base.indexOf('        await self.notify(order)', Math.floor(base.length / 2));
  const typed = '        audit(order)\n';
  const times = { analysis: [] as number[], parse: [] as number[] };
  let findings = 0;
  const parser = parserFor('python')!;
  for (let i = 0; i < warmup + edits; i++) {
    const step = i % (2 * typed.length);
    const shown = step < typed.length ? typed.slice(0, step + 1) : typed.slice(0, 2 * typed.length - step - 1);
    const text = base.slice(0, at) + shown + base.slice(at);
    let started = performance.now();
    const result = engine.analyze({ document: { path: file, text, language }, config, host, salt: 'bench' });
    if (i >= warmup) times.analysis.push(performance.now() - started);
    findings = result.findings.length;
    started = performance.now();
    // A different string each time, as an edited document is: the engine's kept tree must not serve it.
    const tree = parser.parse(`${text} `);
    if (i >= warmup) times.parse.push(performance.now() - started);
    tree?.delete();
  }
  process.stdout.write(JSON.stringify({ ...times, findings, lines: base.split('\n').length }));
}

void main();
