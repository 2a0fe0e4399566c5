// The editor benchmark's file: about 2,000 lines of TypeScript with the mix found in a service's code
// (imports, types, classes with async methods, error handling good and bad, promise chains, switch
// statements, config objects, generics, doc comments). Deterministic: the same text on every run.
const SECTION = (i) => `/** Orders of kind ${i}: loading, pricing and submission. */
export interface Order${i} {
  id: string;
  customerId: string;
  items: LineItem[];
  status: 'draft' | 'submitted' | 'paid' | 'cancelled';
  createdAt: Date;
  notes?: string;
}

export type PriceRule${i} = { kind: 'percent'; value: number } | { kind: 'fixed'; amount: number; currency: string };

export enum Channel${i} {
  Web = 'web',
  Mobile = 'mobile',
  Partner = 'partner',
}

const DEFAULTS_${i} = {
  endpoint: process.env.ORDERS_ENDPOINT ?? 'http://localhost:8080/orders',
  timeoutMs: ${1000 + i * 10},
  retries: ${i % 5},
  region: 'eu-west-${(i % 3) + 1}',
  apiKey: process.env.ORDERS_API_KEY,
};

export class OrderService${i} {
  private readonly cache = new Map<string, Order${i}>();

  constructor(
    private readonly db: Database,
    private readonly audit: AuditLog,
    private readonly options: typeof DEFAULTS_${i} = DEFAULTS_${i},
  ) {}

  async load(id: string): Promise<Order${i} | undefined> {
    const cached = this.cache.get(id);
    if (cached) return cached;
    try {
      const row = await this.db.query<Order${i}>('select * from orders where id = $1', [id]);
      if (row) this.cache.set(id, row);
      return row;
    } catch (error) {
      throw new Error(\`loading order \${id} failed\`, { cause: error });
    }
  }

  async submit(order: Order${i}, attempt = 0): Promise<void> {
    if (order.status !== 'draft') {
      throw new Error(\`order \${order.id} is \${order.status}, not a draft\`);
    }
    const total = order.items.reduce((sum, item) => sum + item.price * item.quantity, 0);
    try {
      await this.db.execute('update orders set status = $1, total = $2 where id = $3', ['submitted', total, order.id]);
    } catch {
      // retried by the scheduler
    }
    await this.audit.record({ kind: 'submit', orderId: order.id, at: Date.now(), attempt });
  }

  price(order: Order${i}, rules: PriceRule${i}[]): number {
    let total = 0;
    for (const item of order.items) {
      let price = item.price * item.quantity;
      for (const rule of rules) {
        switch (rule.kind) {
          case 'percent':
            price -= (price * rule.value) / 100;
            break;
          case 'fixed':
            price -= rule.amount;
            break;
          default:
            throw new Error('unknown price rule');
        }
      }
      total += Math.max(0, price);
    }
    return Math.round(total * 100) / 100;
  }

  refresh(ids: string[]): Promise<Order${i}[]> {
    return Promise.all(ids.map((id) => this.load(id)))
      .then((orders) => orders.filter((o): o is Order${i} => o !== undefined))
      .catch((error) => {
        this.audit.warn('refresh failed', error);
        return [];
      });
  }
}

export function groupByStatus${i}(orders: readonly Order${i}[]): Record<Order${i}['status'], Order${i}[]> {
  const groups = { draft: [], submitted: [], paid: [], cancelled: [] } as Record<Order${i}['status'], Order${i}[]>;
  for (const order of orders) groups[order.status].push(order);
  return groups;
}

export const channelLabel${i} = (channel: Channel${i}): string =>
  channel === Channel${i}.Web ? 'Website' : channel === Channel${i}.Mobile ? 'Mobile app' : 'Partner API';
`;

export function generateTypeScript(targetLines = 2000) {
  const header = `// Generated for the Shipshape editor benchmark: a service module of realistic shape.
import type { AuditLog } from '../infra/audit';
import { Database } from '../infra/db';
import type { LineItem } from '../domain/line-item';

declare const process: { env: Record<string, string | undefined> };

`;
  let text = header;
  for (let i = 0; text.split('\n').length < targetLines; i++) text += SECTION(i) + '\n';
  return text;
}

/** The folder around the file: a layered service (domain, infra, app), so the architecture rules run. */
export const EDITOR_WORKSPACE_FILES = {
  'shipshape.yml': `architecture:
  layers:
    domain: src/domain/**
    infra: src/infra/**
    app: src/app/**
  constraints:
    - layer: domain
      mustNotImport: [infra, app]
      because: The domain model stays free of storage and transport.
    - layer: infra
      mustNotImport: [app]
  cycles: forbid
`,
  'tsconfig.json': JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'ESNext', moduleResolution: 'Bundler', strict: true, skipLibCheck: true, noEmit: true, types: [] }, include: ['src'] }, null, 2),
  'package.json': JSON.stringify({ name: 'editor-bench', private: true, type: 'module' }),
  'src/domain/line-item.ts': 'export interface LineItem {\n  sku: string;\n  price: number;\n  quantity: number;\n}\n',
  'src/infra/db.ts': 'export class Database {\n  async query<T>(_sql: string, _params: unknown[]): Promise<T | undefined> {\n    return undefined;\n  }\n  async execute(_sql: string, _params: unknown[]): Promise<void> {}\n}\n',
  'src/infra/audit.ts': 'export interface AuditLog {\n  record(event: Record<string, unknown>): Promise<void>;\n  warn(message: string, error: unknown): void;\n}\n',
};
