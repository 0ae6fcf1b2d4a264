import type { Db } from './database.js';
import { resolveDb } from './request-scope.js';

const cache = new WeakMap<Db, Map<string, unknown>>();

/**
 * A query built once per database and reused: drizzle then skips building the SQL on every call
 * (a quarter of the CPU of a simple authenticated read, measured with `npm run bench`), and
 * PostgreSQL keeps the statement parsed. Only for hot paths that run outside transactions.
 */
export function prepared<T>(scoped: Db, name: string, build: (db: Db) => T): T {
  // Built for the database the call goes to now (a request's transaction has its own).
  const db = resolveDb(scoped);
  let queries = cache.get(db);
  if (!queries) cache.set(db, (queries = new Map()));
  let query = queries.get(name) as T | undefined;
  if (query === undefined) queries.set(name, (query = build(db)));
  return query;
}
