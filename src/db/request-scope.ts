import { AsyncLocalStorage } from 'node:async_hooks';
import type { Db } from './database.js';

/**
 * A transaction that spans a whole request: opened before the handler, ended after it has answered.
 * Everything the handler writes through the scoped database (`scopedDb`) goes into it, so the
 * request's writes and what is recorded about the request itself (its stored answer) commit together
 * or not at all. Services' own `db.transaction(...)` calls become savepoints inside it.
 */
export interface RequestTransaction {
  readonly tx: Db;
  /** Commits (true) or rolls back (false). Resolves when the database has done so; rejects if the commit failed. */
  end(commit: boolean): Promise<void>;
  readonly ended: boolean;
}

const scope = new AsyncLocalStorage<RequestTransaction>();

class Rollback extends Error {}

/** Opens a transaction on the root database and keeps it open until `end` is called. */
export function openRequestTransaction(root: Db): Promise<RequestTransaction> {
  return new Promise((resolveOpen, rejectOpen) => {
    let decide!: (commit: boolean) => void;
    const decision = new Promise<boolean>((resolve) => (decide = resolve));
    let opened = false;
    const outcome = root
      .transaction(async (tx) => {
        opened = true;
        resolveOpen(handle(tx as unknown as Db));
        if (!(await decision)) throw new Rollback();
      })
      .catch((err: unknown) => {
        if (err instanceof Rollback) return;
        if (!opened) rejectOpen(err);
        throw err;
      });
    // The outcome is awaited by `end`; until then, an error (BEGIN failed) must not go unhandled.
    outcome.catch(() => undefined);

    function handle(tx: Db): RequestTransaction {
      let ended = false;
      return {
        tx,
        get ended() {
          return ended;
        },
        end: async (commit) => {
          if (ended) return outcome;
          ended = true;
          decide(commit);
          return outcome;
        },
      };
    }
  });
}

/** Runs `fn` (and everything it starts) with the database calls of `scopedDb` going into `transaction`. */
export function runInRequestTransaction<T>(transaction: RequestTransaction, fn: () => T): T {
  return scope.run(transaction, fn);
}

const RESOLVE = Symbol('the database behind the scope');

/** The database a call made now goes to: the request's transaction or the root database. */
export function resolveDb(db: Db): Db {
  return ((db as unknown as Record<symbol, Db | undefined>)[RESOLVE] ?? db);
}

/**
 * The database as the service's modules see it: the root database, or the request's transaction
 * while one is open in the current asynchronous context.
 */
export function scopedDb(root: Db): Db {
  return new Proxy(root, {
    get(target, property) {
      const current = scope.getStore();
      const source = current && !current.ended ? current.tx : target;
      if (property === RESOLVE) return source;
      const value = Reflect.get(source, property, source) as unknown;
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(source) : value;
    },
  });
}
