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

/** GET /companies/{id}/contacts. */
export const contactListExamples = [
  {
    items: [
      { id: '4c6e8a0b-3d5f-4b7c-8e0a-2d4f6b8c0e28', companyId: company, name: 'Matti Mittaaja', title: 'Laatupäällikkö', email: 'matti.mittaaja@turunkonepaja.fi', phone: '+358 40 123 4567', createdAt: '2025-11-20T10:06:00.000Z' },
      { id: '5d7f9b1c-4e6a-4c8d-9f1b-3e5a7c9d1f29', companyId: company, name: 'Sanna Saarinen', title: 'Ostopäällikkö', email: 'sanna.saarinen@turunkonepaja.fi', phone: null, createdAt: '2026-01-05T09:12:00.000Z' },
    ],
  },
];
