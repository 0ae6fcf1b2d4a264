/**
 * Realistic requests and answers for the OpenAPI document (Swagger UI at /docs) of what a customer
 * reads and signs: its annual agreement with its versions, a draft for next year, an ad hoc agreement
 * made from an accepted quote, and its NDA. The ids are fixed so that the examples refer to each other
 * (and to the jobs' examples) as real records do; numbers are AG-<year drafted>-nnnnn as the service gives them.
 */

const company = '6f1d0c8a-2b1e-4d7f-8a31-0c2e5b9d4a11';
const customerUser = '3c5e7a9b-0d1f-4a2c-9e4b-6d8f0a2c4e13';
const qm = '5e7a9c1d-2f4b-4c6e-8a0b-8f0a2c4e6a14';
const series2026 = '0d2f4b6c-8e0a-4c2e-9b4d-6f8a0c2e4b31';

const nda = {
  id: 'a1c3e5f7-9b1d-4f3a-8c5e-7a9b1d3f5c32',
  companyId: company,
  kind: 'mutual',
  covers: ['drawings', 'cad_models', 'measurement_results'],
  termMonths: 60,
  retentionMonths: 120,
  disposal: 'return_or_destroy_on_request',
  status: 'active',
  effectiveFrom: '2025-12-15',
  expiresOn: '2030-12-14',
  terminatedOn: null,
  createdAt: '2025-12-01T08:40:00.000Z',
};

const adHocNda = {
  ...nda,
  id: 'b2d4f6a8-0c2e-4a4b-9d6f-8b0c2e4a6d33',
  companyId: '2a4c6e8f-1b3d-4f5a-9c7e-0b2d4f6a8c27',
  covers: ['drawings', 'cad_models', 'measurement_results', 'business_information'],
  effectiveFrom: '2026-05-04',
  expiresOn: '2031-05-03',
  createdAt: '2026-05-04T11:20:00.000Z',
};

const contact = (name: string, title: string | null, email: string | null = null) => ({ name, title, email, phone: null });
const terms = {
  delivery: {
    workingDays: { product_quality_control: 10, instrument_calibration: 5 },
    shipping: 'Asiakas toimittaa kappaleet laboratorioon; palautus Matkahuollolla asiakkaan kustannuksella.',
  },
  procedures: 'Tilaukset API:n kautta; mittaussuunnitelma hyväksytetään ennen mittausta.',
  pricing: { discounts: { product_quality_control: '10' }, fixedPrices: { NAS979: '330.00' } },
  decisionRule: { rule: 'guarded_acceptance', notes: 'Suojakaista w = U (k = 2).' },
  languages: ['fi', 'en'],
  contacts: { customer: [contact('Matti Mittaaja', 'Laatupäällikkö', 'matti.mittaaja@turunkonepaja.fi')], lab: [contact('Liisa Laatu', 'Laboratorion johtaja')] },
};
const signature = (name: string, title: string | null, signedOn: string, recordedBy: string) => ({ name, title, signedOn, recordedBy });

const annualV1 = {
  id: 'c3e5a7b9-1d3f-4b5c-8e7a-9c1d3f5b7e34',
  number: 'AG-2025-00031',
  version: 1,
  seriesId: series2026,
  supersedesId: null,
  companyId: company,
  kind: 'annual',
  status: 'superseded',
  services: ['product_quality_control', 'instrument_calibration'],
  validFrom: '2026-01-01',
  validTo: '2026-12-31',
  terms: { ...terms, pricing: { discounts: { product_quality_control: '10' }, fixedPrices: {} } },
  nda,
  quoteId: null,
  customerSignature: signature('Matti Mittaaja', 'Toimitusjohtaja', '2025-12-15', customerUser),
  labSignature: signature('Liisa Laatu', 'Laboratorion johtaja', '2025-12-12', qm),
  signedOn: '2025-12-15',
  terminatedOn: null,
  terminationReason: null,
  createdAt: '2025-12-01T08:40:00.000Z',
  updatedAt: '2026-03-16T10:05:00.000Z',
};

/** Version 2 (a fixed price for the NAS 979 piece) replaced version 1 in March; this is the agreement the jobs refer to. */
const annualV2 = {
  ...annualV1,
  id: '9a7e5c3b-1d2f-4e6a-8b0c-2d4f6a8c0e12',
  version: 2,
  supersedesId: annualV1.id,
  status: 'active',
  terms,
  customerSignature: signature('Matti Mittaaja', 'Toimitusjohtaja', '2026-03-16', customerUser),
  labSignature: signature('Liisa Laatu', 'Laboratorion johtaja', '2026-03-13', qm),
  signedOn: '2026-03-16',
  createdAt: '2026-03-10T13:00:00.000Z',
  updatedAt: '2026-03-16T10:05:00.000Z',
};

/** Next year's agreement as drafted by the lab, before anyone has signed it. */
const draft2027 = {
  ...annualV1,
  id: 'd4f6b8c0-2e4a-4c6d-9f8b-0d2e4a6c8f35',
  number: 'AG-2026-00048',
  seriesId: 'e5a7c9d1-3f5b-4d7e-8a9c-1e3f5b7d9a36',
  status: 'draft',
  services: ['product_quality_control', 'instrument_calibration', 'reference_measurement'],
  validFrom: '2027-01-01',
  validTo: '2027-12-31',
  terms: { ...terms, delivery: { ...terms.delivery, workingDays: { ...terms.delivery.workingDays, reference_measurement: 15 } } },
  customerSignature: null,
  labSignature: null,
  signedOn: null,
  createdAt: '2026-11-20T09:00:00.000Z',
  updatedAt: '2026-11-20T09:00:00.000Z',
};

const signedByCustomer = { ...draft2027, customerSignature: signature('Matti Mittaaja', 'Toimitusjohtaja', '2026-12-15', customerUser), updatedAt: '2026-12-15T07:58:00.000Z' };
const signedByBoth = { ...signedByCustomer, status: 'active', labSignature: signature('Liisa Laatu', 'Laboratorion johtaja', '2026-12-16', qm), signedOn: '2026-12-16', updatedAt: '2026-12-16T12:30:00.000Z' };

/** An ad hoc agreement made when a quote for services outside any annual agreement was accepted. */
const adHoc = {
  id: 'f6b8d0e2-4a6c-4e8f-9b0d-2f4a6c8e0b37',
  number: 'AG-2026-00035',
  version: 1,
  seriesId: 'a7c9e1f3-5b7d-4f9a-8c1e-3a5c7e9f1b38',
  supersedesId: null,
  companyId: adHocNda.companyId,
  kind: 'ad_hoc',
  status: 'active',
  services: ['instrument_calibration'],
  validFrom: '2026-05-04',
  validTo: null,
  terms: {
    delivery: { workingDays: { instrument_calibration: 10 }, shipping: 'Asiakas toimittaa kappaleet laboratorioon ja noutaa ne, ellei tarjouksessa toisin sovita.' },
    procedures: 'Tarjouksen Q-2026-00187 mukaisesti.',
    pricing: { discounts: {}, fixedPrices: { 'MIC-25': '46.50' } },
    decisionRule: { rule: 'simple_acceptance', notes: null },
    languages: ['fi', 'et'],
    contacts: { customer: [contact('Kadri Tamm', null)], lab: [contact('Koneteknologiakeskus Turku Oy', null)] },
  },
  nda: adHocNda,
  quoteId: '0e2a4c6d-8f0b-4d2e-9a4c-6e8f0a2c4d39',
  customerSignature: signature('Kadri Tamm', null, '2026-05-04', '1f3b5d7e-9a1c-4e3f-8b5d-7f9a1c3e5b40'),
  labSignature: signature('Koneteknologiakeskus Turku Oy', null, '2026-05-04', qm),
  signedOn: '2026-05-04',
  terminatedOn: null,
  terminationReason: null,
  createdAt: '2026-05-04T11:20:00.000Z',
  updatedAt: '2026-05-04T11:20:00.000Z',
};

/** GET /agreements/{id}: the annual agreement in force, and an ad hoc agreement. */
export const agreementExamples = [annualV2, adHoc];

/** GET /agreements: a customer's agreements (its own only). */
export const agreementListExamples = [{ items: [draft2027, annualV2, annualV1] }];

/** GET /agreements/{id}/versions: every version of the series, oldest first. */
export const agreementVersionsExamples = [{ items: [annualV1, annualV2] }];

/** POST /agreements/{id}/sign bodies: the customer signs for its company; staff record the lab's signature. */
export const signExamples = [
  { party: 'customer', name: 'Matti Mittaaja', title: 'Toimitusjohtaja', signedOn: '2026-12-15' },
  { party: 'lab', name: 'Liisa Laatu', title: 'Laboratorion johtaja', signedOn: '2026-12-16' },
];

/** The answers to signing: still a draft after the first signature, active (with its NDA in force) after the second. */
export const signedExamples = [signedByCustomer, signedByBoth];

/** GET /ndas/{id}. */
export const ndaExamples = [nda];

/** GET /ndas. */
export const ndaListExamples = [{ items: [nda] }];

/** GET /companies/{id}/nda-status: in force, and a company without an NDA in force. */
export const ndaStatusExamples = [
  { companyId: company, inForce: true, nda },
  { companyId: '3b5d7f9a-2c4e-4a6b-8d0f-4b6d8f0a2c41', inForce: false, nda: null },
];

/** GET /agreements/{id}/document: what the PDF answer is. */
export const agreementDocumentDescription =
  'The written agreement as a PDF document (application/pdf), sent inline with its file name, e.g. `Content-Disposition: inline; filename="AG-2025-00031-v2.pdf"`. ' +
  "The Finnish original comes first and prevails; a companion translation (the `companion` language, by default the company's preferred language) follows on a new page when it is not Finnish.";
