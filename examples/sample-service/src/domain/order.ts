// Domain model: should be pure, but an AI edit reached straight into the database.
import { query } from "../infra/db";

export interface Order {
  id: string;
  total: number;
}

export async function loadOrder(id: string): Promise<Order | undefined> {
  const rows = await query("select id, total from orders where id = $1", [id]);
  return rows[0];
}

export function applyDiscount(order: Order, percent: number): Order {
  return { ...order, total: Math.round(order.total * (100 - percent)) / 100 };
}
