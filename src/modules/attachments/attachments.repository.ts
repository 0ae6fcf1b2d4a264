import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/database.js';
import { attachments } from './attachments.tables.js';

export type AttachmentRow = typeof attachments.$inferSelect;
export type NewAttachment = typeof attachments.$inferInsert;

/** The SQLSTATE of a database error, looked for through drizzle's wrapping. */
function sqlState(err: unknown): string | undefined {
  for (let e = err as { code?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 5; depth++, e = e.cause as typeof e) {
    if (typeof e.code === 'string') return e.code;
  }
  return undefined;
}

export async function insertAttachment(tx: Db, values: NewAttachment): Promise<AttachmentRow> {
  const [row] = await tx.insert(attachments).values(values).returning();
  return row!;
}

/** An attachment, or null when it does not exist or belongs to another company than `scope`. */
export async function findAttachment(db: Db, scope: string | undefined, id: string): Promise<AttachmentRow | null> {
  const [row] = await db
    .select()
    .from(attachments)
    .where(and(eq(attachments.id, id), scope ? eq(attachments.companyId, scope) : undefined));
  return row ?? null;
}

/** A job's files in upload order, superseded ones included. */
export const listJobAttachments = (db: Db, jobId: string): Promise<AttachmentRow[]> =>
  db.select().from(attachments).where(eq(attachments.jobId, jobId)).orderBy(asc(attachments.createdAt), asc(attachments.id));

/** The newer revision of a file, if any. */
export async function findSuccessor(db: Db, id: string): Promise<AttachmentRow | null> {
  const [row] = await db.select().from(attachments).where(eq(attachments.supersedesId, id));
  return row ?? null;
}

/**
 * Deletes an attachment row. False when the database refused because the job is no longer
 * submitted (the trigger of migration 0011, for an acceptance that committed a moment earlier).
 */
export async function deleteAttachment(tx: Db, id: string): Promise<boolean> {
  try {
    await tx.delete(attachments).where(eq(attachments.id, id));
    return true;
  } catch (err) {
    if (sqlState(err) === '42501') return false;
    throw err;
  }
}

/** Serializes changes around one file (superseding it, deleting it) until the transaction ends. */
export const lockAttachment = (tx: Db, id: string) => tx.execute(sql`select pg_advisory_xact_lock(hashtext(${'attachment:' + id}))`);

/**
 * Serializes work on one stored content until the transaction ends: an upload that commits the
 * content and the sweep that would remove it as unreferenced cannot interleave.
 */
export const lockContent = (tx: Db, sha256: string) => tx.execute(sql`select pg_advisory_xact_lock(hashtext(${'attachment-content:' + sha256}))`);

/** Which of the given contents some attachment row names. */
export async function referencedContents(db: Db, sha256s: string[]): Promise<Set<string>> {
  if (sha256s.length === 0) return new Set();
  const rows = await db.selectDistinct({ sha256: attachments.sha256 }).from(attachments).where(inArray(attachments.sha256, sha256s));
  return new Set(rows.map((r) => r.sha256));
}

export async function isContentReferenced(db: Db, sha256: string): Promise<boolean> {
  const [row] = await db.select({ id: attachments.id }).from(attachments).where(eq(attachments.sha256, sha256)).limit(1);
  return row !== undefined;
}
