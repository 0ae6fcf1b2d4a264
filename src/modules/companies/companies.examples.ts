/**
 * Realistic answers for the OpenAPI document (Swagger UI at /docs) of what a customer reads of its
 * own company: the company (a customer sees only its own) and its contact persons.
 */

const company = '6f1d0c8a-2b1e-4d7f-8a31-0c2e5b9d4a11';

const turunKonepaja = {
  id: company,
  name: 'Turun Konepaja Oy',
  country: 'FI',
  businessId: '0737546-2',
  address: { streetAddress: 'Tuotekatu 5', postalCode: '20360', city: 'Turku' },
  invoicing: { email: 'laskut@turunkonepaja.fi', eInvoiceAddress: '003707375462', eInvoiceOperator: 'OKOYFIHH', reference: 'Laatu / Matti Mittaaja' },
  preferredLanguage: 'fi',
  createdAt: '2025-11-20T10:04:00.000Z',
  updatedAt: '2026-01-05T09:12:00.000Z',
};

const tallinnCustomer = {
  id: '2a4c6e8f-1b3d-4f5a-9c7e-0b2d4f6a8c27',
  name: 'Meditech Tallinn OÜ',
  country: 'EE',
  businessId: '12345678',
  address: { streetAddress: 'Peterburi tee 47', postalCode: '11415', city: 'Tallinn' },
  invoicing: { email: 'arved@meditech.ee', eInvoiceAddress: null, eInvoiceOperator: null, reference: 'PO' },
  preferredLanguage: 'et',
  createdAt: '2026-04-14T07:45:00.000Z',
  updatedAt: '2026-04-14T07:45:00.000Z',
};

/** GET /companies/{id}: a Turku engineering works, and an Estonian customer with its documents in Estonian. */
export const companyExamples = [turunKonepaja, tallinnCustomer];

/** GET /companies: what a customer's token sees, its own company only. */
export const companyListExamples = [{ items: [turunKonepaja] }];

const matti = { id: '4c6e8a0b-3d5f-4b7c-8e0a-2d4f6b8c0e28', companyId: company, name: 'Matti Mittaaja', title: 'Laatupäällikkö', email: 'matti.mittaaja@turunkonepaja.fi', phone: '+358 40 123 4567', active: true, createdAt: '2025-11-20T10:06:00.000Z', updatedAt: '2025-11-20T10:06:00.000Z' };

/** PATCH /companies/{id}/contacts/{contactId}: Matti moved to production; his new title. */
export const contactUpdateExamples = [{ ...matti, title: 'Tuotantopäällikkö', updatedAt: '2026-03-02T08:30:00.000Z' }];

/** GET /companies/{id}/contacts: active people first, then those who no longer deal with the lab. */
export const contactListExamples = [
  {
    items: [
      matti,
      { id: '5d7f9b1c-4e6a-4c8d-9f1b-3e5a7c9d1f29', companyId: company, name: 'Sanna Saarinen', title: 'Ostopäällikkö', email: 'sanna.saarinen@turunkonepaja.fi', phone: null, active: true, createdAt: '2026-01-05T09:12:00.000Z', updatedAt: '2026-01-05T09:12:00.000Z' },
      { id: '6e8a0c2d-5f7b-4d9e-8a2c-4f6b8d0e2a30', companyId: company, name: 'Pekka Pensas', title: 'Työnjohtaja', email: null, phone: null, active: false, createdAt: '2024-02-01T08:00:00.000Z', updatedAt: '2026-02-16T13:20:00.000Z' },
    ],
  },
];
