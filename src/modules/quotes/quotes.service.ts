import { formatNumber, nextNumber } from '../../db/counters.js';
import type { Db } from '../../db/database.js';
import { companyScope, type Actor } from '../../shared/actor.js';
import { DomainError, notFound } from '../../shared/errors/index.js';
import { addCalendarDays, addWorkingDays, todayInFinland } from '../../shared/finnish-calendar.js';
import { annualAgreementsInForce, createAdHocAgreement, type LabService } from '../agreements/index.js';
import { recordAudit } from '../audit/index.js';
import { getCompany } from '../companies/index.js';
import { customerPrice, fitsMoney, lineNet, MONEY_LIMIT, totals, versionInForce } from '../pricing/index.js';
import { QUOTE_VALIDITY_DAYS, quoteStatus } from './domain/quote-rules.js';
import * as repo from './quotes.repository.js';

export interface QuoteInput {
  companyId?: string;
  lines: { itemCode: string; quantity: string }[];
  expectedReceiptOn?: string;
  customerReference?: string;
  notes?: string;
}

const invalid = (message: string) => new DomainError('LIMS_QUOTE_INVALID', message);
const present = (q: repo.QuoteRow, lines: repo.LineRow[], today = todayInFinland()) => ({
  ...q,
  status: quoteStatus(q, today),
  lines: lines.map(({ quoteId: _quoteId, ...l }) => l),
});

/**
 * Prices a quote from the price list in force and the company's annual agreement (discounts,
 * fixed prices, delivery times), promises a delivery date in Finnish working days from the
 * expected receipt of the items, and numbers it Q-year-nnnnn without gaps.
 */
export async function createQuote(db: Db, actor: Actor, input: QuoteInput) {
  const companyId = actor.role === 'customer' ? actor.companyId! : input.companyId;
  if (!companyId) throw invalid('Staff must name the customer: companyId.');
  if (actor.role === 'customer' && input.companyId && input.companyId !== companyId) throw notFound('Company', input.companyId);
  const today = todayInFinland();
  const receipt = input.expectedReceiptOn ?? today;
  if (receipt < today) throw invalid(`expectedReceiptOn ${receipt} is in the past.`);
  return db.transaction(async (tx) => {
    await getCompany(tx, actor, companyId);
    const version = await versionInForce(tx, today);
    const agreements = await annualAgreementsInForce(tx, companyId, today);
    const items = new Map(version.items.map((i) => [i.code, i]));
    const lines = input.lines.map((requested, index) => {
      const item = items.get(requested.itemCode);
      if (!item) throw invalid(`Price list version ${version.versionNumber} has no item ${requested.itemCode}.`);
      if (Number(requested.quantity) <= 0) throw invalid(`Line ${index + 1}: the quantity must be more than zero.`);
      const agreement = agreements.find((a) => a.services.includes(item.service));
      const price = customerPrice(item, item.unitPrice, agreement ? agreement.terms.pricing : null);
      const days = agreement?.terms.delivery.workingDays[item.service] ?? version.costBases.find((c) => c.service === item.service)!.standardDeliveryDays;
      return {
        lineNo: index + 1,
        itemCode: item.code,
        description: item.names.fi!,
        service: item.service,
        unit: item.unit,
        quantity: requested.quantity,
        listUnitPrice: price.listUnitPrice,
        discountPercent: price.discountPercent,
        unitPrice: price.unitPrice,
        lineNet: lineNet(price.unitPrice, requested.quantity),
        priceSource: price.source,
        agreementId: agreement?.id ?? null,
        deliveryWorkingDays: days,
      };
    });
    const tooLarge = lines.find((l) => !fitsMoney(l.lineNet));
    if (tooLarge) throw invalid(`Line ${tooLarge.lineNo}: ${tooLarge.quantity} × ${tooLarge.unitPrice} € comes to ${tooLarge.lineNet} €, more than the largest amount a quote holds (${MONEY_LIMIT} €).`);
    const sums = totals(lines.map((l) => l.lineNet), version.vatRate);
    if (!fitsMoney(sums.gross)) throw invalid(`The quote comes to ${sums.gross} € with VAT, more than the largest amount a quote holds (${MONEY_LIMIT} €); split it.`);
    const deliveryWorkingDays = Math.max(...lines.map((l) => l.deliveryWorkingDays));
    const year = Number(today.slice(0, 4));
    const quote = await repo.insertQuote(
      tx,
      {
        number: formatNumber('Q', year, await nextNumber(tx, 'quote', year)),
        companyId,
        quoteDate: today,
        validUntil: addCalendarDays(today, QUOTE_VALIDITY_DAYS),
        expectedReceiptOn: receipt,
        deliveryWorkingDays,
        deliveryDate: addWorkingDays(receipt, deliveryWorkingDays),
        priceListVersionId: version.id,
        vatRate: version.vatRate,
        netTotal: sums.net,
        vatTotal: sums.vat,
        grossTotal: sums.gross,
        customerReference: input.customerReference ?? null,
        notes: input.notes ?? null,
        requestedBy: actor.userId,
      },
      lines,
    );
    await recordAudit(tx, actor, { action: 'quote.create', entityType: 'quote', entityId: quote.id, after: { ...quote, lines } });
    return present(quote, lines.map((l) => ({ ...l, quoteId: quote.id })));
  });
}

async function load(db: Db, actor: Actor, id: string, forUpdate = false) {
  const quote = await repo.findQuote(db, companyScope(actor), id, forUpdate);
  if (!quote) throw notFound('Quote', id);
  return quote;
}

/**
 * Accepts an open quote. Services that no annual agreement in force covers get an ad hoc agreement
 * (active at once: the quote is the lab's offer, the acceptance the customer's signature).
 */
export async function acceptQuote(db: Db, actor: Actor, id: string, input: { acceptedByName: string }) {
  return db.transaction(async (tx) => {
    const before = await load(tx, actor, id, true);
    const today = todayInFinland();
    const status = quoteStatus(before, today);
    if (status === 'expired') throw new DomainError('LIMS_QUOTE_EXPIRED', `Quote ${before.number} was valid until ${before.validUntil}; ask for a new quote.`);
    if (status !== 'issued') throw new DomainError('LIMS_QUOTE_NOT_OPEN', `Quote ${before.number} is already ${status}.`);
    const lines = (await repo.linesOf(tx, [id])).get(id)!;
    const covered = new Set((await annualAgreementsInForce(tx, before.companyId, today)).flatMap((a) => a.services));
    const uncovered = lines.filter((l) => !covered.has(l.service));
    let adHocAgreementId: string | null = null;
    if (uncovered.length > 0) {
      const company = await getCompany(tx, actor, before.companyId);
      const services = [...new Set(uncovered.map((l) => l.service))] as LabService[];
      adHocAgreementId = await createAdHocAgreement(tx, actor, {
        companyId: before.companyId,
        quoteId: id,
        quoteNumber: before.number,
        services,
        deliveryWorkingDays: Object.fromEntries(services.map((s) => [s, Math.max(...uncovered.filter((l) => l.service === s).map((l) => l.deliveryWorkingDays))])),
        fixedPrices: Object.fromEntries(uncovered.map((l) => [l.itemCode, l.unitPrice])),
        acceptedOn: today,
        acceptedBy: { name: input.acceptedByName, userId: actor.userId },
        offeredBy: { name: 'Koneteknologiakeskus Turku Oy', userId: before.requestedBy },
        language: company.preferredLanguage,
      });
    }
    const after = await repo.updateQuote(tx, id, { status: 'accepted', decidedBy: actor.userId, decidedAt: new Date(), acceptedByName: input.acceptedByName.trim(), adHocAgreementId });
    await recordAudit(tx, actor, { action: 'quote.accept', entityType: 'quote', entityId: id, before, after });
    return present(after, lines);
  });
}

/** Declines an open quote. */
export async function declineQuote(db: Db, actor: Actor, id: string) {
  return db.transaction(async (tx) => {
    const before = await load(tx, actor, id, true);
    if (before.status !== 'issued') throw new DomainError('LIMS_QUOTE_NOT_OPEN', `Quote ${before.number} is already ${before.status}.`);
    const after = await repo.updateQuote(tx, id, { status: 'declined', decidedBy: actor.userId, decidedAt: new Date() });
    await recordAudit(tx, actor, { action: 'quote.decline', entityType: 'quote', entityId: id, before, after });
    return present(after, (await repo.linesOf(tx, [id])).get(id)!);
  });
}

/** One quote the actor may see. */
export async function getQuote(db: Db, actor: Actor, id: string) {
  const quote = await load(db, actor, id);
  return present(quote, (await repo.linesOf(db, [id])).get(id)!);
}

/** Quotes the actor may see, newest first. */
export async function getQuotes(db: Db, actor: Actor, companyId?: string) {
  const rows = await repo.listQuotes(db, companyScope(actor), companyId);
  const lines = await repo.linesOf(db, rows.map((r) => r.id));
  return rows.map((q) => present(q, lines.get(q.id)!));
}
