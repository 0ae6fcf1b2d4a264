import { asc, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/database.js';
import { priceCostBases, priceListItems, priceListVersions } from './pricing.tables.js';

export type VersionRow = typeof priceListVersions.$inferSelect;
export type CostBasisRow = typeof priceCostBases.$inferSelect;
export type ItemRow = typeof priceListItems.$inferSelect;
export type FullVersion = VersionRow & { costBases: CostBasisRow[]; items: ItemRow[] };

export async function insertVersion(
  tx: Db,
  version: typeof priceListVersions.$inferInsert,
  costBases: Omit<typeof priceCostBases.$inferInsert, 'versionId'>[],
  items: Omit<typeof priceListItems.$inferInsert, 'versionId'>[],
): Promise<string> {
  const [row] = await tx.insert(priceListVersions).values(version).returning({ id: priceListVersions.id });
  await tx.insert(priceCostBases).values(costBases.map((c) => ({ ...c, versionId: row!.id })));
  await tx.insert(priceListItems).values(items.map((i) => ({ ...i, versionId: row!.id })));
  return row!.id;
}

/** Serializes version creation so version numbers and dates stay ordered. */
export const lockPriceList = (tx: Db) => tx.execute(sql`select pg_advisory_xact_lock(hashtext('price_list_versions'))`);

export async function latestVersion(db: Db): Promise<VersionRow | null> {
  const [row] = await db.select().from(priceListVersions).orderBy(desc(priceListVersions.versionNumber)).limit(1);
  return row ?? null;
}

export async function listVersions(db: Db): Promise<VersionRow[]> {
  return db.select().from(priceListVersions).orderBy(desc(priceListVersions.effectiveFrom));
}

/** The version in force on `day`: the latest effective one. */
export async function versionOn(db: Db, day: string): Promise<VersionRow | null> {
  const [row] = await db.select().from(priceListVersions).where(sql`${priceListVersions.effectiveFrom} <= ${day}`).orderBy(desc(priceListVersions.effectiveFrom)).limit(1);
  return row ?? null;
}

export async function findVersion(db: Db, id: string): Promise<VersionRow | null> {
  const [row] = await db.select().from(priceListVersions).where(eq(priceListVersions.id, id));
  return row ?? null;
}

export async function withDetails(db: Db, version: VersionRow): Promise<FullVersion> {
  const costBases = await db.select().from(priceCostBases).where(eq(priceCostBases.versionId, version.id)).orderBy(asc(priceCostBases.service));
  const items = await db.select().from(priceListItems).where(eq(priceListItems.versionId, version.id)).orderBy(asc(priceListItems.code));
  return { ...version, costBases, items };
}
