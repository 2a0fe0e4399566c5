// failure/async-callback (and the failure family) on shapes met in SDKs on npm: a declaration file runs
// nothing, so it holds no callback to lose (discord.js' typings declare `destroy(): Promise<void>` over a
// `void` base); a class's own static `on` builds something (telegraf's `Composer.on(filter, middleware)`
// returns middleware) rather than registering an emitter's listener.
import { ruleTable } from '../../helpers/rule-tester';

const OVERRIDE = 'export declare class BaseClient { destroy(): void; }\nexport declare class Client extends BaseClient { destroy(): Promise<void>; }\n';

ruleTable('failure/async-callback', {
  valid: [
    { filename: 'typings/index.d.ts', code: OVERRIDE },
    { filename: 'typings/index.d.mts', code: OVERRIDE },
    'class Composer {\n  static on(filter, ...fns) { return compose(filter, fns); }\n  static command(fns) { return Composer.on("text", async (ctx, next) => { await next(); }); }\n}',
  ],
  invalid: [
    { filename: 'src/client.ts', code: 'export class BaseClient { destroy(): void {} }\nexport class Client extends BaseClient { destroy(): Promise<void> { return close(); } }\n', errors: [{ line: 2, column: 42 }] },
    // An emitter class without an `on` of its own registers listeners with EventEmitter's.
    { code: 'class Bus extends EventEmitter {\n  static start() { Bus.on("job", async (job) => { await run(job); }); }\n}', errors: [{ line: 2, column: 34 }] },
    { code: 'class Bus {\n  on(event, fn) {}\n}\nconst bus = new Bus();\nbus.on("job", async (job) => { await run(job); });', errors: [{ line: 5, column: 15 }] },
  ],
});
