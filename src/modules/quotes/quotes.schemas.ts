import * as ex from './quotes.examples.js';
import { text } from '../../http/common-schemas.js';

const money = { type: 'string', description: 'Euros, exact decimal string' } as const;
const date = { type: 'string', format: 'date' } as const;
const uuid = { type: 'string', format: 'uuid' } as const;

export const createQuoteBody = {
  type: 'object',
  additionalProperties: false,
  required: ['lines'],
  properties: {
    companyId: { ...uuid, description: 'Staff: the customer; customers: omit (always their own company)' },
    lines: {
      type: 'array',
      minItems: 1,
      maxItems: 100,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['itemCode', 'quantity'],
        properties: { itemCode: { type: 'string', minLength: 1, maxLength: 32, example: 'CMM-H' }, quantity: { type: 'string', pattern: '^\\d{1,6}(\\.\\d{1,2})?$', example: '6' } },
      },
    },
    expectedReceiptOn: { ...date, description: 'When the items will reach the lab (default today); delivery is counted from it in working days' },
    customerReference: text(200, 'PO 4500123'),
    notes: text(2000),
  },
  examples: ex.createQuoteExamples,
} as const;

export const acceptQuoteBody = {
  type: 'object',
  additionalProperties: false,
  required: ['acceptedByName'],
  properties: { acceptedByName: { ...text(200), description: "Name of the person accepting for the customer (recorded as the customer's signature)", example: 'Matti Mittaaja' } },
  examples: ex.acceptQuoteExamples,
} as const;

const line = {
  type: 'object',
  required: ['lineNo', 'itemCode', 'description', 'service', 'unit', 'quantity', 'listUnitPrice', 'discountPercent', 'unitPrice', 'lineNet', 'priceSource', 'agreementId', 'deliveryWorkingDays'],
  properties: {
    lineNo: { type: 'integer' },
    itemCode: { type: 'string' },
    description: { type: 'string' },
    service: { type: 'string' },
    unit: { type: 'string' },
    quantity: { type: 'string' },
    listUnitPrice: money,
    discountPercent: { type: 'string' },
    unitPrice: money,
    lineNet: money,
    priceSource: { type: 'string', enum: ['price_list', 'agreement_discount', 'agreement_fixed_price'] },
    agreementId: { ...uuid, nullable: true, description: 'The annual agreement that priced the line' },
    deliveryWorkingDays: { type: 'integer' },
  },
} as const;

export const quoteSchema = {
  type: 'object',
  required: ['id', 'number', 'companyId', 'status', 'quoteDate', 'validUntil', 'expectedReceiptOn', 'deliveryWorkingDays', 'deliveryDate', 'priceListVersionId', 'vatRate', 'netTotal', 'vatTotal', 'grossTotal', 'customerReference', 'notes', 'requestedBy', 'decidedBy', 'decidedAt', 'acceptedByName', 'adHocAgreementId', 'createdAt', 'lines'],
  properties: {
    id: uuid,
    number: { type: 'string', example: 'Q-2026-00001' },
    companyId: uuid,
    status: { type: 'string', enum: ['issued', 'accepted', 'declined', 'expired'], description: 'expired is derived: issued and past validUntil' },
    quoteDate: date,
    validUntil: date,
    expectedReceiptOn: date,
    deliveryWorkingDays: { type: 'integer' },
    deliveryDate: { ...date, description: 'Promised delivery: working days from expectedReceiptOn, Finnish holidays and weekends excluded' },
    priceListVersionId: uuid,
    vatRate: { type: 'string' },
    netTotal: money,
    vatTotal: money,
    grossTotal: money,
    customerReference: { type: 'string', nullable: true },
    notes: { type: 'string', nullable: true },
    requestedBy: uuid,
    decidedBy: { ...uuid, nullable: true },
    decidedAt: { type: 'string', format: 'date-time', nullable: true },
    acceptedByName: { type: 'string', nullable: true, description: 'The person who accepted for the customer, as given on acceptance (the user who made the call is decidedBy)' },
    adHocAgreementId: { ...uuid, nullable: true, description: 'The ad hoc agreement made on acceptance when no annual agreement covers the services' },
    createdAt: { type: 'string', format: 'date-time' },
    lines: { type: 'array', items: line },
  },
  examples: ex.quoteExamples,
} as const;

/** The quote schema with the examples of one operation's answer. */
const answer = (examples: object[]) => ({ ...quoteSchema, examples }) as const;
export const issuedQuote = answer(ex.issuedQuoteExamples);
export const acceptedQuote = answer(ex.acceptedQuoteExamples);
export const declinedQuote = answer(ex.declinedQuoteExamples);
export const quoteList = { type: 'object', required: ['items'], properties: { items: { type: 'array', items: quoteSchema } }, examples: ex.quoteListExamples } as const;

export { idParams } from '../../http/common-schemas.js';
export const listQuery = { type: 'object', additionalProperties: false, properties: { companyId: uuid } } as const;
