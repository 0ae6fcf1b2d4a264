import { index, integer, numeric, pgEnum, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { labService } from '../agreements/agreements.tables.js';
import { companies } from '../companies/companies.tables.js';
import { priceListVersions, priceUnit } from '../pricing/pricing.tables.js';
import { ts, day, money } from '../../db/columns.js';

/** Stored states; an issued quote past its validity date reads as `expired`. */
export const quoteStatus = pgEnum('quote_status', ['issued', 'accepted', 'declined']);
export const priceSource = pgEnum('price_source', ['price_list', 'agreement_discount', 'agreement_fixed_price']);


export const quotes = pgTable(
  'quotes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Q-2026-00001: gapless per year. */
    number: text('number').notNull(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    status: quoteStatus('status').notNull().default('issued'),
    quoteDate: day('quote_date').notNull(),
    validUntil: day('valid_until').notNull(),
    expectedReceiptOn: day('expected_receipt_on').notNull(),
    deliveryWorkingDays: integer('delivery_working_days').notNull(),
    deliveryDate: day('delivery_date').notNull(),
    priceListVersionId: uuid('price_list_version_id')
      .notNull()
      .references(() => priceListVersions.id),
    vatRate: numeric('vat_rate', { precision: 5, scale: 2 }).notNull(),
    netTotal: money('net_total').notNull(),
    vatTotal: money('vat_total').notNull(),
    grossTotal: money('gross_total').notNull(),
    customerReference: text('customer_reference'),
    notes: text('notes'),
    requestedBy: uuid('requested_by').notNull(),
    decidedBy: uuid('decided_by'),
    decidedAt: ts('decided_at'),
    /** The person who accepted for the customer, as they gave their name (the customer's signature). */
    acceptedByName: text('accepted_by_name'),
    adHocAgreementId: uuid('ad_hoc_agreement_id'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('quotes_number_uq').on(t.number), index('quotes_company_idx').on(t.companyId)],
);

export const quoteLines = pgTable(
  'quote_lines',
  {
    quoteId: uuid('quote_id')
      .notNull()
      .references(() => quotes.id),
    lineNo: integer('line_no').notNull(),
    itemCode: text('item_code').notNull(),
    description: text('description').notNull(),
    service: labService('service').notNull(),
    unit: priceUnit('unit').notNull(),
    quantity: numeric('quantity', { precision: 10, scale: 2 }).notNull(),
    listUnitPrice: money('list_unit_price').notNull(),
    discountPercent: numeric('discount_percent', { precision: 5, scale: 2 }).notNull(),
    unitPrice: money('unit_price').notNull(),
    lineNet: money('line_net').notNull(),
    priceSource: priceSource('price_source').notNull(),
    /** The annual agreement whose terms priced the line, if any. */
    agreementId: uuid('agreement_id'),
    deliveryWorkingDays: integer('delivery_working_days').notNull(),
  },
  (t) => [uniqueIndex('quote_lines_uq').on(t.quoteId, t.lineNo)],
);
