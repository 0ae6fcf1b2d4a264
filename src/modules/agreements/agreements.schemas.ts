import { agreementExamples, ndaExamples, ndaStatusExamples, signedExamples, signExamples } from './agreements.examples.js';
import { DOCUMENT_LANGUAGES, LAB_SERVICES, NDA_COVERS, NDA_DISPOSALS } from './domain/agreement-terms.js';
import { text } from '../../http/common-schemas.js';

const date = { type: 'string', format: 'date' } as const;
const nullableDate = { type: 'string', format: 'date', nullable: true } as const;
const uuid = { type: 'string', format: 'uuid' } as const;
const percent = { type: 'string', pattern: '^(100(\\.0{1,2})?|\\d{1,2}(\\.\\d{1,2})?)$', description: 'Percent as a decimal string, 0 to 100' } as const;
const euros = { type: 'string', pattern: '^\\d{1,10}(\\.\\d{1,2})?$', description: 'Euros as a decimal string' } as const;
const service = { type: 'string', enum: LAB_SERVICES } as const;
const perService = <T extends object>(value: T) =>
  ({ type: 'object', additionalProperties: false, properties: Object.fromEntries(LAB_SERVICES.map((s) => [s, value])) as Record<(typeof LAB_SERVICES)[number], T> }) as const;

const contact = {
  type: 'object',
  additionalProperties: false,
  required: ['name'],
  properties: { name: text(200), title: { ...text(200), nullable: true }, email: { type: 'string', format: 'email', nullable: true }, phone: { ...text(40), nullable: true } },
} as const;

const termsProperties = {
  delivery: {
    type: 'object',
    additionalProperties: false,
    required: ['workingDays', 'shipping'],
    properties: {
      workingDays: { ...perService({ type: 'integer', minimum: 1, maximum: 250 }), description: 'Standard delivery time in working days per covered service' },
      shipping: { ...text(2000), description: 'How items are sent to the lab and returned' },
    },
  },
  procedures: { ...text(4000), description: 'Procedures and timetables' },
  pricing: {
    type: 'object',
    additionalProperties: false,
    required: ['discounts', 'fixedPrices'],
    properties: {
      discounts: { ...perService(percent), description: 'Discount in percent off the current price list, per service' },
      fixedPrices: { type: 'object', additionalProperties: euros, description: 'Agreed fixed net prices by price-list item code' },
    },
  },
  decisionRule: {
    type: 'object',
    additionalProperties: false,
    required: ['rule'],
    properties: {
      rule: { type: 'string', enum: ['simple_acceptance', 'guarded_acceptance'], description: 'ISO/IEC 17025 7.1.3: simple acceptance (w = 0) or guarded acceptance with guard band w = U' },
      notes: { ...text(2000), nullable: true },
    },
  },
  languages: { type: 'array', minItems: 1, uniqueItems: true, items: { type: 'string', enum: DOCUMENT_LANGUAGES }, description: 'Document languages; Finnish is always included' },
  contacts: {
    type: 'object',
    additionalProperties: false,
    required: ['customer', 'lab'],
    properties: { customer: { type: 'array', maxItems: 10, items: contact }, lab: { type: 'array', maxItems: 10, items: contact } },
  },
} as const;

const termsInput = { type: 'object', additionalProperties: false, required: Object.keys(termsProperties), properties: termsProperties } as const;

const ndaInput = {
  type: 'object',
  additionalProperties: false,
  required: ['kind', 'covers'],
  properties: {
    kind: { type: 'string', enum: ['one_way', 'mutual'], description: 'one_way: the lab keeps the customer information confidential; mutual: both parties' },
    covers: { type: 'array', minItems: 1, uniqueItems: true, items: { type: 'string', enum: NDA_COVERS } },
    termMonths: { type: 'integer', minimum: 12, maximum: 240, default: 60, description: 'How long the confidentiality obligation lasts from its effective date' },
    retentionMonths: { type: 'integer', minimum: 0, maximum: 240, default: 120, description: 'How long the lab keeps technical records after the work' },
    disposal: { type: 'string', enum: NDA_DISPOSALS, default: 'return_or_destroy_on_request', description: "What happens to the customer's drawings and models after the work" },
  },
} as const;

const exampleTerms = {
  delivery: { workingDays: { product_quality_control: 10, instrument_calibration: 5 }, shipping: 'Asiakas toimittaa kappaleet laboratorioon; palautus Matkahuollolla asiakkaan kustannuksella.' },
  procedures: 'Tilaukset API:n kautta; mittaussuunnitelma hyväksytetään ennen mittausta.',
  pricing: { discounts: { product_quality_control: '10' }, fixedPrices: { NAS979: '330.00' } },
  decisionRule: { rule: 'guarded_acceptance', notes: 'Suojakaista w = U (k = 2).' },
  languages: ['fi', 'en'],
  contacts: { customer: [{ name: 'Matti Mittaaja', title: 'Laatupäällikkö', email: 'matti@konepaja.fi' }], lab: [{ name: 'Liisa Laatu', title: 'Laboratorion johtaja' }] },
};

export const createAgreementBody = {
  type: 'object',
  additionalProperties: false,
  required: ['companyId', 'kind', 'services', 'validFrom', 'terms'],
  properties: {
    companyId: uuid,
    kind: { type: 'string', enum: ['annual', 'ad_hoc'] },
    services: { type: 'array', minItems: 1, uniqueItems: true, items: service },
    validFrom: date,
    validTo: { ...nullableDate, description: 'Required for annual agreements (usually 31 December)' },
    terms: termsInput,
    nda: { ...ndaInput, description: 'A new confidentiality agreement carried by this agreement' },
    ndaId: { ...uuid, description: "Or: an existing NDA of the company that this agreement references" },
  },
  example: {
    companyId: '6f1c2a4e-3b7d-4c0e-9a51-2d8f0b7c1e22',
    kind: 'annual',
    services: ['product_quality_control', 'instrument_calibration'],
    validFrom: '2027-01-01',
    validTo: '2027-12-31',
    terms: exampleTerms,
    nda: { kind: 'mutual', covers: ['drawings', 'cad_models', 'measurement_results'], termMonths: 60 },
  },
} as const;

export const updateAgreementBody = {
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  properties: {
    services: createAgreementBody.properties.services,
    validFrom: date,
    validTo: nullableDate,
    terms: termsInput,
    nda: ndaInput,
  },
  example: { validTo: '2027-06-30' },
} as const;

export const signBody = {
  type: 'object',
  additionalProperties: false,
  required: ['party', 'name', 'signedOn'],
  properties: {
    party: { type: 'string', enum: ['customer', 'lab'], description: 'Customers sign for their company; staff record the lab signature or a customer signature made on paper' },
    name: text(200),
    title: { ...text(200), nullable: true },
    signedOn: date,
  },
  examples: signExamples,
} as const;

export const terminateBody = {
  type: 'object',
  additionalProperties: false,
  required: ['reason'],
  properties: { reason: text(1000), terminatedOn: { ...date, description: 'Defaults to today' } },
  example: { reason: 'Asiakas lopetti toimintansa.' },
} as const;

const signature = {
  type: 'object',
  nullable: true,
  required: ['name', 'title', 'signedOn', 'recordedBy'],
  properties: { name: { type: 'string' }, title: { type: 'string', nullable: true }, signedOn: date, recordedBy: uuid },
} as const;

const contactOut = {
  type: 'object',
  required: ['name', 'title', 'email', 'phone'],
  properties: { name: { type: 'string' }, title: { type: 'string', nullable: true }, email: { type: 'string', nullable: true }, phone: { type: 'string', nullable: true } },
} as const;

const termsOut = {
  type: 'object',
  required: Object.keys(termsProperties),
  properties: {
    ...termsProperties,
    decisionRule: { type: 'object', required: ['rule', 'notes'], properties: { rule: { type: 'string' }, notes: { type: 'string', nullable: true } } },
    contacts: { type: 'object', required: ['customer', 'lab'], properties: { customer: { type: 'array', items: contactOut }, lab: { type: 'array', items: contactOut } } },
  },
} as const;

export const ndaSchema = {
  type: 'object',
  required: ['id', 'companyId', 'kind', 'covers', 'termMonths', 'retentionMonths', 'disposal', 'status', 'effectiveFrom', 'expiresOn', 'terminatedOn', 'createdAt'],
  properties: {
    id: uuid,
    companyId: uuid,
    kind: { type: 'string', enum: ['one_way', 'mutual'] },
    covers: { type: 'array', items: { type: 'string' } },
    termMonths: { type: 'integer' },
    retentionMonths: { type: 'integer' },
    disposal: { type: 'string' },
    status: { type: 'string', enum: ['pending', 'active', 'expired', 'terminated'], description: 'pending until the agreement carrying it is signed; expired is derived from expiresOn' },
    effectiveFrom: nullableDate,
    expiresOn: { ...nullableDate, description: 'Last day the NDA is in force' },
    terminatedOn: nullableDate,
    createdAt: { type: 'string', format: 'date-time' },
  },
  examples: ndaExamples,
} as const;

export const agreementSchema = {
  type: 'object',
  required: ['id', 'number', 'version', 'seriesId', 'supersedesId', 'companyId', 'kind', 'status', 'services', 'validFrom', 'validTo', 'terms', 'nda', 'quoteId', 'customerSignature', 'labSignature', 'signedOn', 'terminatedOn', 'terminationReason', 'createdAt', 'updatedAt'],
  properties: {
    id: uuid,
    number: { type: 'string', example: 'AG-2026-00001' },
    version: { type: 'integer' },
    seriesId: { ...uuid, description: 'Shared by all versions of the agreement' },
    supersedesId: { ...uuid, nullable: true },
    companyId: uuid,
    kind: { type: 'string', enum: ['annual', 'ad_hoc'] },
    status: { type: 'string', enum: ['draft', 'active', 'expired', 'terminated', 'superseded'], description: 'expired is derived: active with validTo in the past' },
    services: { type: 'array', items: service },
    validFrom: date,
    validTo: nullableDate,
    terms: termsOut,
    nda: ndaSchema,
    quoteId: { ...uuid, nullable: true },
    customerSignature: signature,
    labSignature: signature,
    signedOn: nullableDate,
    terminatedOn: nullableDate,
    terminationReason: { type: 'string', nullable: true },
    createdAt: { type: 'string', format: 'date-time' },
    updatedAt: { type: 'string', format: 'date-time' },
  },
  examples: agreementExamples,
} as const;

/** The answer to a signature. */
export const signedAgreementSchema = { ...agreementSchema, examples: signedExamples } as const;

export const ndaStatusSchema = {
  type: 'object',
  required: ['companyId', 'inForce', 'nda'],
  properties: { companyId: uuid, inForce: { type: 'boolean' }, nda: { ...ndaSchema, nullable: true } },
  examples: ndaStatusExamples,
} as const;

export const listAgreementsQuery = {
  type: 'object',
  additionalProperties: false,
  properties: { companyId: uuid, kind: { type: 'string', enum: ['annual', 'ad_hoc'] } },
} as const;

export { idParams } from '../../http/common-schemas.js';
