/**
 * Realistic requests and answers for the OpenAPI document (Swagger UI at /docs) of a customer's
 * quotes: priced from the price list in force and the annual agreement (10 % off product quality
 * control), delivery in Finnish working days from the expected receipt, valid 30 days, numbered
 * Q-<year>-nnnnn as the service does. Quantities are answered as typed on creation and as stored
 * (two decimals) when read back.
 */

const company = '6f1d0c8a-2b1e-4d7f-8a31-0c2e5b9d4a11';
const customerUser = '3c5e7a9b-0d1f-4a2c-9e4b-6d8f0a2c4e13';
const annualAgreement = '9a7e5c3b-1d2f-4e6a-8b0c-2d4f6a8c0e12';
const priceListVersion = '1a3c5e7f-9b1d-4f3a-8c5e-7a9b1d3f5c51';

/** POST /quotes bodies: CMM hours and micrometer calibrations for items arriving in January; one calibration from today. */
export const createQuoteExamples = [
  { lines: [{ itemCode: 'CMM-H', quantity: '6' }, { itemCode: 'MIC-25', quantity: '4' }], expectedReceiptOn: '2027-01-11', customerReference: 'PO 4500123' },
  { lines: [{ itemCode: 'MIC-25', quantity: '2' }], customerReference: 'PO 4500177', notes: 'Two Mitutoyo 103-137 micrometers, sent by Matkahuolto' },
];

/** POST /quotes/{id}/accept body. */
export const acceptQuoteExamples = [{ acceptedByName: 'Matti Mittaaja' }];

const line = (lineNo: number, code: string, quantity: string, prices: { list: string; discount: string; unit: string; net: string }, days: number) => ({
  lineNo,
  itemCode: code,
  description: code === 'CMM-H' ? 'CMM-mittaus, tunti' : 'Mikrometrin kalibrointi 0–25 mm',
  service: code === 'CMM-H' ? 'product_quality_control' : 'instrument_calibration',
  unit: code === 'CMM-H' ? 'hour' : 'piece',
  quantity,
  listUnitPrice: prices.list,
  discountPercent: prices.discount,
  unitPrice: prices.unit,
  lineNet: prices.net,
  priceSource: prices.discount === '0.00' ? 'price_list' : 'agreement_discount',
  agreementId: annualAgreement,
  deliveryWorkingDays: days,
});

const cmm = { list: '96.50', discount: '10.00', unit: '86.85', net: '521.10' };
const micrometers = { list: '46.50', discount: '0.00', unit: '46.50', net: '186.00' };

const issued = {
  id: '2b4d6f8a-0c2e-4b4d-8f6a-0c2e4b6d8f52',
  number: 'Q-2026-00214',
  companyId: company,
  status: 'issued',
  quoteDate: '2026-11-27',
  validUntil: '2026-12-27',
  expectedReceiptOn: '2026-12-14',
  deliveryWorkingDays: 10,
  deliveryDate: '2026-12-30',
  priceListVersionId: priceListVersion,
  vatRate: '25.50',
  netTotal: '707.10',
  vatTotal: '180.31',
  grossTotal: '887.41',
  customerReference: 'PO 4500123',
  notes: null,
  requestedBy: customerUser,
  decidedBy: null,
  decidedAt: null,
  acceptedByName: null,
  adHocAgreementId: null,
  createdAt: '2026-11-27T09:41:00.000Z',
  lines: [line(1, 'CMM-H', '6', cmm, 10), line(2, 'MIC-25', '4', micrometers, 5)],
};

const stored = { ...issued, lines: [line(1, 'CMM-H', '6.00', cmm, 10), line(2, 'MIC-25', '4.00', micrometers, 5)] };
const accepted = { ...stored, status: 'accepted', decidedBy: customerUser, decidedAt: '2026-11-30T07:12:00.000Z', acceptedByName: 'Matti Mittaaja' };

/** A customer without an annual agreement: accepting made the ad hoc agreement AG-2026-00035. */
const acceptedAdHoc = {
  ...stored,
  id: '0e2a4c6d-8f0b-4d2e-9a4c-6e8f0a2c4d39',
  number: 'Q-2026-00187',
  companyId: '2a4c6e8f-1b3d-4f5a-9c7e-0b2d4f6a8c27',
  status: 'accepted',
  quoteDate: '2026-04-29',
  validUntil: '2026-05-29',
  expectedReceiptOn: '2026-05-11',
  deliveryDate: '2026-05-26',
  priceListVersionId: priceListVersion,
  netTotal: '93.00',
  vatTotal: '23.72',
  grossTotal: '116.72',
  customerReference: 'Tellimus 2026-118',
  requestedBy: '1f3b5d7e-9a1c-4e3f-8b5d-7f9a1c3e5b40',
  decidedBy: '1f3b5d7e-9a1c-4e3f-8b5d-7f9a1c3e5b40',
  decidedAt: '2026-05-04T11:20:00.000Z',
  acceptedByName: 'Mari Metsä',
  adHocAgreementId: 'f6b8d0e2-4a6c-4e8f-9b0d-2f4a6c8e0b37',
  createdAt: '2026-04-29T13:05:00.000Z',
  lines: [{ ...line(1, 'MIC-25', '2.00', { ...micrometers, net: '93.00' }, 10), agreementId: null }],
};

const declined = { ...stored, id: '3c5e7a9b-1d3f-4c5e-9a7b-1d3f5c7e9a53', number: 'Q-2026-00221', status: 'declined', decidedBy: customerUser, decidedAt: '2026-12-01T13:30:00.000Z' };

/** POST /quotes answer. */
export const issuedQuoteExamples = [issued];
/** GET /quotes/{id}. */
export const quoteExamples = [stored, acceptedAdHoc];
/** POST /quotes/{id}/accept answers: covered by the annual agreement, or with a new ad hoc agreement. */
export const acceptedQuoteExamples = [accepted, acceptedAdHoc];
/** POST /quotes/{id}/decline answer. */
export const declinedQuoteExamples = [declined];
/** GET /quotes: the customer's quotes. */
export const quoteListExamples = [{ items: [declined, accepted, acceptedAdHoc] }];

/** GET /quotes/{id}/document: what the PDF answer is. */
export const quoteDocumentDescription =
  'The quote as a PDF document (application/pdf), sent inline with its file name, e.g. `Content-Disposition: inline; filename="Q-2026-00214.pdf"`: ' +
  'the lab and the customer, the quote number, date and validity, every line with its quantity, unit, unit price, discount and total, the subtotal, VAT and total ' +
  'exactly as the quote has them, the delivery time and date, the price list version and agreements that priced it, and whether it is open, accepted (by whom, when) or declined. ' +
  "The Finnish original comes first and prevails; a companion translation (the `companion` language, by default the company's preferred language) follows on a new page when it is not Finnish.";
