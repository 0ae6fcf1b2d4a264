import { companyExamples } from './companies.examples.js';
import { nullableText, text } from '../../http/common-schemas.js';

const language = { type: 'string', enum: ['fi', 'en', 'sv', 'et'], description: 'Preferred language of documents; Finnish originals are always made' } as const;
const country = { type: 'string', pattern: '^[A-Z]{2}$', description: 'ISO 3166-1 alpha-2 country code', example: 'FI' } as const;

export const companySchema = {
  type: 'object',
  required: ['id', 'name', 'createdAt', 'country', 'businessId', 'address', 'invoicing', 'preferredLanguage', 'updatedAt'],
  properties: {
    id: { type: 'string', format: 'uuid' },
    name: { type: 'string' },
    country: { type: 'string' },
    businessId: { type: 'string', nullable: true, description: 'Y-tunnus (FI), registrikood (EE) or another identifier; null for private customers' },
    address: {
      type: 'object',
      required: ['streetAddress', 'postalCode', 'city'],
      properties: { streetAddress: { type: 'string', nullable: true }, postalCode: { type: 'string', nullable: true }, city: { type: 'string', nullable: true } },
    },
    invoicing: {
      type: 'object',
      required: ['email', 'eInvoiceAddress', 'eInvoiceOperator', 'reference'],
      properties: {
        email: { type: 'string', nullable: true },
        eInvoiceAddress: { type: 'string', nullable: true },
        eInvoiceOperator: { type: 'string', nullable: true },
        reference: { type: 'string', nullable: true },
      },
    },
    preferredLanguage: { type: 'string', enum: ['fi', 'en', 'sv', 'et'] },
    createdAt: { type: 'string', format: 'date-time' },
    updatedAt: { type: 'string', format: 'date-time' },
  },
  examples: companyExamples,
} as const;

const addressInput = {
  type: 'object',
  additionalProperties: false,
  properties: { streetAddress: nullableText(200, 'Tuotekatu 5'), postalCode: nullableText(20, '20100'), city: nullableText(100, 'Turku') },
} as const;

const invoicingInput = {
  type: 'object',
  additionalProperties: false,
  properties: {
    email: { type: 'string', format: 'email', maxLength: 254, nullable: true, example: 'laskut@konepaja.fi' },
    eInvoiceAddress: nullableText(64, '003707375462'),
    eInvoiceOperator: nullableText(64, 'OKOYFIHH'),
    reference: nullableText(200, 'Laatu / Matti Mittaaja'),
  },
} as const;

const companyFields = {
  name: text(200, 'Konepaja Oy'),
  country,
  businessId: { type: 'string', minLength: 1, maxLength: 40, nullable: true, example: '0737546-2', description: 'Checked with its check digit for FI (1234567-8) and EE (8 digits)' },
  address: addressInput,
  invoicing: invoicingInput,
  preferredLanguage: language,
} as const;

export const createCompanyBody = {
  type: 'object',
  additionalProperties: false,
  required: ['name'],
  properties: companyFields,
  example: {
    name: 'Konepaja Oy',
    country: 'FI',
    businessId: '0737546-2',
    address: { streetAddress: 'Tuotekatu 5', postalCode: '20100', city: 'Turku' },
    invoicing: { email: 'laskut@konepaja.fi', eInvoiceAddress: '003707375462', eInvoiceOperator: 'OKOYFIHH', reference: null },
    preferredLanguage: 'fi',
  },
} as const;

export const updateCompanyBody = {
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  properties: companyFields,
  example: { preferredLanguage: 'en', invoicing: { email: 'invoices@konepaja.fi' } },
} as const;

export const contactSchema = {
  type: 'object',
  required: ['id', 'companyId', 'name', 'title', 'email', 'phone', 'active', 'createdAt', 'updatedAt'],
  properties: {
    id: { type: 'string', format: 'uuid' },
    companyId: { type: 'string', format: 'uuid' },
    name: { type: 'string' },
    title: { type: 'string', nullable: true },
    email: { type: 'string', nullable: true },
    phone: { type: 'string', nullable: true },
    active: { type: 'boolean', description: 'False for a person who no longer deals with the lab (kept: the audit trail and documents name them)' },
    createdAt: { type: 'string', format: 'date-time' },
    updatedAt: { type: 'string', format: 'date-time' },
  },
} as const;

const contactFields = {
  name: text(200, 'Matti Mittaaja'),
  title: nullableText(200, 'Laatupäällikkö'),
  email: { type: 'string', format: 'email', maxLength: 254, nullable: true, example: 'matti.mittaaja@konepaja.fi' },
  phone: nullableText(40, '+358 40 123 4567'),
} as const;

export const createContactBody = {
  type: 'object',
  additionalProperties: false,
  required: ['name'],
  properties: contactFields,
} as const;

export const updateContactBody = {
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  description: 'Only the fields given change; null clears an optional one. `active: false` marks a person who no longer deals with the lab.',
  properties: { ...contactFields, active: { type: 'boolean' } },
  example: { title: 'Tuotantopäällikkö', email: 'matti.mittaaja@turunkonepaja.fi' },
} as const;

export const contactParams = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'contactId'],
  properties: { id: { type: 'string', format: 'uuid' }, contactId: { type: 'string', format: 'uuid' } },
} as const;

export { idParams } from '../../http/common-schemas.js';

export interface CompanyInput {
  name?: string;
  country?: string;
  businessId?: string | null;
  address?: { streetAddress?: string | null; postalCode?: string | null; city?: string | null };
  invoicing?: { email?: string | null; eInvoiceAddress?: string | null; eInvoiceOperator?: string | null; reference?: string | null };
  preferredLanguage?: 'fi' | 'en' | 'sv' | 'et';
}

export interface ContactInput {
  name: string;
  title?: string | null;
  email?: string | null;
  phone?: string | null;
}

export type ContactChange = Partial<ContactInput> & { active?: boolean };
