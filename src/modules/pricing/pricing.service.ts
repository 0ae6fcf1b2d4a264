import type { Db } from '../../db/database.js';
import type { Actor } from '../../shared/actor.js';
import { money } from '../../shared/decimal.js';
import { DomainError, notFound } from '../../shared/errors/index.js';
import { todayInFinland } from '../../shared/finnish-calendar.js';
import { annualAgreementsInForce } from '../agreements/index.js';
import { recordAudit } from '../audit/index.js';
import { getCompany } from '../companies/index.js';
import { customerPrice, fitsMoney, hourlyRate, itemUnitPrice, MONEY_LIMIT, withVat, type AgreedPricing } from './domain/price-derivation.js';
import * as repo from './pricing.repository.js';

type Service = 'product_quality_control' | 'reference_measurement' | 'instrument_calibration';

export interface PriceListInput {
  effectiveFrom: string;
  vatRate: string;
  notes?: string | null;
  costBases: { service: Service; equipmentLeasingMaintenance: string; rent: string; laboratoryCosts: string; personnelCosts: string; plannedBillableHours: string; standardDeliveryDays: number }[];
  items: { code: string; service: Service; unit: 'hour' | 'piece'; names: Record<string, string>; standardHours?: string | null; fixedPrice?: string | null }[];
}

const invalid = (message: string) => new DomainError('LIMS_PRICE_LIST_INVALID', message);

/** The API shape of a version, with whether it is the one in force today. */
const present = (v: repo.FullVersion, currentId: string | null) => ({ ...v, current: v.id === currentId });

/**
 * Creates a price list version (admin): derives each service's hourly rate from its cost basis
 * and each item's list price from the rate. Versions are immutable and effective from their date.
 */
export async function createPriceList(db: Db, actor: Actor, input: PriceListInput) {
  const services = input.costBases.map((c) => c.service);
  if (new Set(services).size !== services.length) throw invalid('Each service has one cost basis per version.');
  const rates = new Map(input.costBases.map((c) => [c.service, hourlyRateOrThrow(c)]));
  const codes = new Set<string>();
  const items = input.items.map((item) => {
    if (codes.has(item.code)) throw invalid(`Item code ${item.code} appears twice.`);
    codes.add(item.code);
    const rate = rates.get(item.service);
    if (!rate) throw invalid(`Item ${item.code} is for ${item.service}, which has no cost basis in this version.`);
    if ((item.standardHours == null) === (item.fixedPrice == null)) throw invalid(`Item ${item.code} needs either standardHours or fixedPrice.`);
    const standardHours = item.standardHours ?? null;
    const fixedPrice = item.fixedPrice ?? null;
    const unitPrice = itemUnitPrice({ standardHours, fixedPrice }, rate);
    if (!fitsMoney(unitPrice)) throw invalid(`Item ${item.code} comes to ${unitPrice} €, more than the largest price stored (${MONEY_LIMIT} €); check its standard hours and the hourly rate.`);
    return { code: item.code, service: item.service, unit: item.unit, names: item.names, standardHours, fixedPrice, unitPrice };
  });
  return db.transaction(async (tx) => {
    await repo.lockPriceList(tx);
    const latest = await repo.latestVersion(tx);
    const today = todayInFinland();
    if (latest && input.effectiveFrom <= latest.effectiveFrom) throw invalid(`effectiveFrom must be after ${latest.effectiveFrom}, when version ${latest.versionNumber} took effect.`);
    if (latest && input.effectiveFrom < today) throw invalid(`effectiveFrom ${input.effectiveFrom} is in the past; price history is not rewritten.`);
    const id = await repo.insertVersion(
      tx,
      { versionNumber: (latest?.versionNumber ?? 0) + 1, effectiveFrom: input.effectiveFrom, vatRate: money(input.vatRate), notes: input.notes ?? null, createdBy: actor.userId },
      input.costBases.map((c) => ({ ...c, hourlyRate: rates.get(c.service)! })),
      items,
    );
    const full = await repo.withDetails(tx, (await repo.findVersion(tx, id))!);
    await recordAudit(tx, actor, { action: 'price_list.create', entityType: 'price_list_version', entityId: id, after: full });
    return present(full, (await repo.versionOn(tx, today))?.id ?? null);
  });
}

function hourlyRateOrThrow(c: PriceListInput['costBases'][number]): string {
  let rate: string;
  try {
    rate = hourlyRate(c);
  } catch {
    throw invalid(`The planned billable hours of ${c.service} must be more than zero.`);
  }
  if (!fitsMoney(rate)) throw invalid(`The hourly rate of ${c.service} comes to ${rate} €, more than the largest amount stored (${MONEY_LIMIT} €); check its costs and planned billable hours.`);
  return rate;
}

/** The version in force on `day`, with its cost bases and items; LIMS_PRICE_LIST_NONE_CURRENT when there is none. */
export async function versionInForce(db: Db, day = todayInFinland()): Promise<repo.FullVersion> {
  const version = await repo.versionOn(db, day);
  if (!version) throw new DomainError('LIMS_PRICE_LIST_NONE_CURRENT', `No price list version is in force on ${day}; an administrator must create one.`);
  return repo.withDetails(db, version);
}

export async function getPriceLists(db: Db) {
  const current = await repo.versionOn(db, todayInFinland());
  return Promise.all((await repo.listVersions(db)).map(async (v) => present(await repo.withDetails(db, v), current?.id ?? null)));
}

export async function getPriceList(db: Db, id: string) {
  const version = await repo.findVersion(db, id);
  if (!version) throw notFound('Price list version', id);
  return present(await repo.withDetails(db, version), (await repo.versionOn(db, todayInFinland()))?.id ?? null);
}

export const getCurrentPriceList = async (db: Db) => {
  const v = await versionInForce(db);
  return present(v, v.id);
};

/**
 * The current prices that apply to a company, with its annual agreement's discounts and fixed
 * prices. Customers get only their own, and only with an annual agreement in force; staff may ask
 * for any company or for the plain list prices.
 */
export async function getCustomerPrices(db: Db, actor: Actor, companyId: string | undefined) {
  const today = todayInFinland();
  const forCompany = actor.role === 'customer' ? actor.companyId! : companyId;
  let agreement: Awaited<ReturnType<typeof annualAgreementsInForce>>[number] | undefined;
  if (forCompany) {
    await getCompany(db, actor, forCompany);
    [agreement] = await annualAgreementsInForce(db, forCompany, today);
    if (!agreement && actor.role === 'customer') {
      throw new DomainError('LIMS_PRICES_NEED_ANNUAL_AGREEMENT', 'Current price information is available to customers with an annual agreement in force. Ask the lab for a quote instead (POST /api/v1/quotes).');
    }
  }
  const version = await versionInForce(db, today);
  const agreed: AgreedPricing | null = agreement ? agreement.terms.pricing : null;
  return {
    companyId: forCompany ?? null,
    priceListVersionId: version.id,
    versionNumber: version.versionNumber,
    effectiveFrom: version.effectiveFrom,
    vatRate: version.vatRate,
    agreementId: agreement?.id ?? null,
    hourlyRates: version.costBases.map((c) => {
      const p = customerPrice({ code: '', service: c.service }, c.hourlyRate, agreed ? { discounts: agreed.discounts, fixedPrices: {} } : null);
      return { service: c.service, hourlyRate: c.hourlyRate, discountPercent: p.discountPercent, agreedHourlyRate: p.unitPrice };
    }),
    items: version.items.map((item) => {
      const p = customerPrice(item, item.unitPrice, agreed);
      return { code: item.code, service: item.service, unit: item.unit, names: item.names, listUnitPrice: p.listUnitPrice, discountPercent: p.discountPercent, unitPrice: p.unitPrice, unitPriceWithVat: withVat(p.unitPrice, version.vatRate), priceSource: p.source };
    }),
  };
}
