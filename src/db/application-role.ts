/**
 * The two-role PostgreSQL setup (docs/operations.md): an owner role runs the migrations and owns the
 * tables and their triggers; the service connects as an application role that may only read and
 * write rows. Not being owner or superuser, it cannot disable the append-only triggers, alter
 * tables or set `session_replication_role`, so a compromised service cannot rewrite the audit trail.
 */

/** Tables the application role may only read and append to: UPDATE, DELETE and TRUNCATE are not granted. */
export const APPEND_ONLY_TABLES = ['audit_events', 'audit_checkpoints'] as const;

const quoteIdent = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/**
 * The statements with which the owner grants the application role what the service needs, and no
 * more. Idempotent; run after every migration (`npm run migrate -- --grant-to <role>`), so that new
 * tables are covered and the append-only tables stay append-only.
 */
export function applicationRoleGrants(role: string): string[] {
  const r = quoteIdent(role);
  const appendOnly = APPEND_ONLY_TABLES.map(quoteIdent).join(', ');
  return [
    `GRANT USAGE ON SCHEMA public TO ${r}`,
    `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${r}`,
    `REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON ${appendOnly} FROM ${r}`,
    `GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${r}`,
    // The service reads which migrations are applied, to start without applying any (it may not).
    `GRANT USAGE ON SCHEMA drizzle TO ${r}`,
    `GRANT SELECT ON drizzle.__drizzle_migrations TO ${r}`,
  ];
}

/** Grants the application role its privileges, through a connection of the owner (or a superuser). */
export async function grantApplicationRole(execute: (statement: string) => Promise<unknown>, role: string): Promise<void> {
  for (const statement of applicationRoleGrants(role)) await execute(statement);
}
