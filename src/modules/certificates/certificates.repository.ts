import { and, desc, eq, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/database.js';
import { documentFiles, documents } from './certificates.tables.js';
import type { DocumentState } from './domain/document-lifecycle.js';
import type { DocumentType } from './domain/document-model.js';

export type DocumentRow = typeof documents.$inferSelect;
export type NewDocument = Omit<typeof documents.$inferInsert, 'id' | 'createdAt' | 'updatedAt'>;
export type FileRow = typeof documentFiles.$inferSelect;
export type FileInfo = Omit<FileRow, 'content'>;

const fileInfo = {
  id: documentFiles.id,
  documentId: documentFiles.documentId,
  kind: documentFiles.kind,
  language: documentFiles.language,
  original: documentFiles.original,
  mediaType: documentFiles.mediaType,
  sha256: documentFiles.sha256,
  size: documentFiles.size,
  createdAt: documentFiles.createdAt,
};

const scoped = (scope: string | undefined): SQL | undefined => (scope ? and(eq(documents.companyId, scope), sql`${documents.state} <> 'draft'`) : undefined);

export async function insertDocument(tx: Db, values: NewDocument): Promise<DocumentRow> {
  const [row] = await tx.insert(documents).values(values).returning();
  return row!;
}

/** A document by id; a customer (`scope`) sees only its own company's documents that are not drafts. */
export async function findDocument(db: Db, scope: string | undefined, id: string, forUpdate = false): Promise<DocumentRow | null> {
  const query = db
    .select()
    .from(documents)
    .where(and(eq(documents.id, id), scoped(scope)));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row ?? null;
}

export async function findByNumber(db: Db, number: string): Promise<DocumentRow | null> {
  const [row] = await db.select().from(documents).where(eq(documents.number, number));
  return row ?? null;
}

export async function findAmendment(db: Db, id: string): Promise<DocumentRow | null> {
  const [row] = await db.select().from(documents).where(eq(documents.supersedesId, id));
  return row ?? null;
}

export interface DocumentFilter {
  jobId?: string;
  type?: DocumentType;
  state?: DocumentState;
  /** Keyset: documents created before this (time, id). */
  before?: { createdAt: Date; id: string };
}

/** Documents newest first, `limit` of them. */
export async function listDocuments(db: Db, scope: string | undefined, f: DocumentFilter, limit: number): Promise<DocumentRow[]> {
  return db
    .select()
    .from(documents)
    .where(
      and(
        scoped(scope),
        f.jobId ? eq(documents.jobId, f.jobId) : undefined,
        f.type ? eq(documents.type, f.type) : undefined,
        f.state ? eq(documents.state, f.state) : undefined,
        f.before ? or(lt(documents.createdAt, f.before.createdAt), and(eq(documents.createdAt, f.before.createdAt), lt(documents.id, f.before.id))) : undefined,
      ),
    )
    .orderBy(desc(documents.createdAt), desc(documents.id))
    .limit(limit);
}

export async function documentsOfJob(db: Db, jobId: string): Promise<DocumentRow[]> {
  return db.select().from(documents).where(eq(documents.jobId, jobId));
}

export async function updateDocument(tx: Db, id: string, values: Partial<NewDocument>): Promise<DocumentRow> {
  const [row] = await tx
    .update(documents)
    .set({ ...values, updatedAt: sql`now()` })
    .where(eq(documents.id, id))
    .returning();
  return row!;
}

export async function insertFiles(tx: Db, rows: Omit<typeof documentFiles.$inferInsert, 'id' | 'createdAt'>[]): Promise<void> {
  await tx.insert(documentFiles).values(rows);
}

/** The files of documents (without their bytes), the original first. */
export async function filesOf(db: Db, documentIds: readonly string[]): Promise<FileInfo[]> {
  if (documentIds.length === 0) return [];
  return db
    .select(fileInfo)
    .from(documentFiles)
    .where(inArray(documentFiles.documentId, [...documentIds]))
    .orderBy(desc(documentFiles.original), documentFiles.kind, documentFiles.language);
}

/** Documents by id (no company scope: for the links between documents the caller may already see). */
export async function documentsByIds(db: Db, ids: readonly string[]): Promise<DocumentRow[]> {
  return ids.length === 0 ? [] : db.select().from(documents).where(inArray(documents.id, [...ids]));
}

export async function findFile(db: Db, documentId: string, kind: string, language: string): Promise<FileRow | null> {
  const [row] = await db
    .select()
    .from(documentFiles)
    .where(and(eq(documentFiles.documentId, documentId), eq(documentFiles.kind, kind), eq(documentFiles.language, language)));
  return row ?? null;
}

/** The issued file with these bytes' SHA-256, with its document. */
export async function findFileBySha256(db: Db, sha256: string): Promise<{ file: FileInfo; document: DocumentRow } | null> {
  const [row] = await db.select({ file: fileInfo, document: documents }).from(documentFiles).innerJoin(documents, eq(documents.id, documentFiles.documentId)).where(eq(documentFiles.sha256, sha256)).limit(1);
  return row ?? null;
}
