import { and, asc, eq, inArray, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/database.js';
import type { TestPieceKind } from './domain/test-piece-kinds.js';
import { testPieceCharacteristics, testPieces } from './test-pieces.tables.js';

export type PieceRow = typeof testPieces.$inferSelect;
export type PieceValues = Omit<typeof testPieces.$inferInsert, 'id' | 'createdAt' | 'updatedAt'>;
export type PieceCharacteristicRow = typeof testPieceCharacteristics.$inferSelect;
export type PieceCharacteristicValues = Omit<typeof testPieceCharacteristics.$inferInsert, 'id' | 'pieceId' | 'lineNo'>;

export async function insertPiece(tx: Db, values: PieceValues): Promise<PieceRow> {
  const [row] = await tx.insert(testPieces).values(values).returning();
  return row!;
}

export async function updatePiece(tx: Db, id: string, values: Partial<PieceValues>): Promise<PieceRow> {
  const [row] = await tx
    .update(testPieces)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(testPieces.id, id))
    .returning();
  return row!;
}

export async function findPiece(db: Db, id: string, forUpdate = false): Promise<PieceRow | null> {
  const query = db.select().from(testPieces).where(eq(testPieces.id, id));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row ?? null;
}

export async function findPieceByCode(db: Db, code: string): Promise<PieceRow | null> {
  const [row] = await db.select().from(testPieces).where(eq(testPieces.code, code));
  return row ?? null;
}

export interface PieceFilter {
  kind?: TestPieceKind;
  active?: boolean;
}

export async function listPieces(db: Db, f: PieceFilter): Promise<PieceRow[]> {
  const where: (SQL | undefined)[] = [f.kind ? eq(testPieces.kind, f.kind) : undefined, f.active === undefined ? undefined : eq(testPieces.active, f.active)];
  return db.select().from(testPieces).where(and(...where)).orderBy(asc(testPieces.code));
}

export async function findPieces(db: Db, ids: string[]): Promise<PieceRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(testPieces).where(inArray(testPieces.id, ids));
}

/** The characteristics of the pieces, in order. */
export async function characteristicsOf(db: Db, pieceIds: string[]): Promise<PieceCharacteristicRow[]> {
  if (pieceIds.length === 0) return [];
  return db.select().from(testPieceCharacteristics).where(inArray(testPieceCharacteristics.pieceId, pieceIds)).orderBy(asc(testPieceCharacteristics.lineNo));
}

/** Replaces a piece's characteristics (the catalogue is not a record: jobs keep their own copies). */
export async function replaceCharacteristics(tx: Db, pieceId: string, list: PieceCharacteristicValues[]): Promise<void> {
  await tx.delete(testPieceCharacteristics).where(eq(testPieceCharacteristics.pieceId, pieceId));
  if (list.length > 0) await tx.insert(testPieceCharacteristics).values(list.map((c, i) => ({ ...c, pieceId, lineNo: i + 1 })));
}
