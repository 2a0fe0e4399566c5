// Infrastructure: the database adapter.
export interface Row {
  id: string;
  total: number;
}

export async function query(sql: string, params: unknown[]): Promise<Row[]> {
  // A real adapter would talk to Postgres here.
  return [{ id: String(params[0] ?? sql.length), total: 0 }];
}
