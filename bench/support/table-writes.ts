import type { PgPool } from '@vocalia/db';

export interface TableWrites {
  updates: number;
  /** Updates written as heap-only tuples: no index entry. */
  hot: number;
}

/** A table's row updates so far, and how many were HOT (PostgreSQL's counters: backends report theirs when idle or on exit). */
export async function tableWrites(pool: PgPool, table: string): Promise<TableWrites> {
  const { rows } = await pool.query<{ upd: string; hot: string }>('SELECT n_tup_upd AS upd, n_tup_hot_upd AS hot FROM pg_stat_user_tables WHERE relname = $1', [table]);
  return { updates: Number(rows[0]?.upd ?? 0), hot: Number(rows[0]?.hot ?? 0) };
}
