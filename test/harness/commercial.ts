import { todayInFinland } from '../../src/shared/finnish-calendar.js';
import type { TestApp } from './test-app.js';

/** The current year in Finland: agreements in the tests run over it, so they are in force today. */
/** The current year in Finland, read when called (a test file may fix the clock). */
export const thisYear = (): number => Number(todayInFinland().slice(0, 4));

/** Builders for customers, agreements and price lists through the API. */
export async function createCustomer(t: TestApp, overrides: Record<string, unknown> = {}): Promise<string> {
  const res = await t.request({ method: 'POST', url: '/api/v1/companies', payload: { name: 'Konepaja Oy', country: 'FI', preferredLanguage: 'fi', ...overrides } });
  if (res.statusCode !== 201) throw new Error(`company: ${res.statusCode} ${res.body}`);
  return res.json().id;
}

export const terms = (overrides: Record<string, unknown> = {}) => ({
  delivery: { workingDays: { product_quality_control: 10, instrument_calibration: 5, reference_measurement: 15 }, shipping: 'Asiakas toimittaa ja noutaa kappaleet.' },
  procedures: 'Tilaukset API:n kautta.',
  pricing: { discounts: { product_quality_control: '10' }, fixedPrices: { NAS979: '330.00' } },
  decisionRule: { rule: 'guarded_acceptance', notes: null },
  languages: ['fi'],
  contacts: { customer: [{ name: 'Matti Mittaaja', title: 'Laatupäällikkö' }], lab: [{ name: 'Liisa Laatu' }] },
  ...overrides,
});

export function agreementBody(companyId: string, overrides: Record<string, unknown> = {}) {
  return {
    companyId,
    kind: 'annual',
    services: ['product_quality_control', 'instrument_calibration', 'reference_measurement'],
    validFrom: `${thisYear()}-01-01`,
    validTo: `${thisYear()}-12-31`,
    terms: terms(),
    nda: { kind: 'mutual', covers: ['drawings', 'cad_models', 'measurement_results'], termMonths: 60 },
    ...overrides,
  };
}

/** Drafts an agreement and signs it for both parties; returns the response of the final signature. */
export async function activeAgreement(t: TestApp, companyId: string, overrides: Record<string, unknown> = {}, signedOn = `${thisYear()}-01-02`) {
  const draft = await t.request({ method: 'POST', url: '/api/v1/agreements', payload: agreementBody(companyId, overrides) });
  if (draft.statusCode !== 201) throw new Error(`agreement: ${draft.statusCode} ${draft.body}`);
  const id = draft.json().id;
  await sign(t, id, 'lab', signedOn);
  return sign(t, id, 'customer', signedOn);
}

export const sign = (t: TestApp, id: string, party: 'lab' | 'customer', signedOn: string, token?: string) =>
  t.request({ method: 'POST', url: `/api/v1/agreements/${id}/sign`, payload: { party, name: party === 'lab' ? 'Liisa Laatu' : 'Matti Mittaaja', title: null, signedOn }, ...(token ? { token } : {}) });

/**
 * A price list version from `effectiveFrom` with a hand-checked cost basis. Hourly rates:
 * product quality control (120 000 + 36 000 + 24 000 + 215 000) / 4 000 h = 98.75 €/h;
 * calibration (18 000 + 12 000 + 9 000 + 91 000) / 2 000 h = 65.00 €/h;
 * reference (60 000 + 18 000 + 12 000 + 110 000) / 1 900 h = 105.263… = 105.26 €/h.
 * List prices: CMM-H 98.75 €, MIC-25 0.75 h = 48.75 €, NAS979 3.5 h = 368.41 €, GB-SET fixed 240.00 €.
 */
export const labPriceList = (effectiveFrom: string) => ({
  effectiveFrom,
  vatRate: '25.5',
  costBases: [
    { service: 'product_quality_control', equipmentLeasingMaintenance: '120000', rent: '36000', laboratoryCosts: '24000', personnelCosts: '215000', plannedBillableHours: '4000', standardDeliveryDays: 15 },
    { service: 'instrument_calibration', equipmentLeasingMaintenance: '18000', rent: '12000', laboratoryCosts: '9000', personnelCosts: '91000', plannedBillableHours: '2000', standardDeliveryDays: 7 },
    { service: 'reference_measurement', equipmentLeasingMaintenance: '60000', rent: '18000', laboratoryCosts: '12000', personnelCosts: '110000', plannedBillableHours: '1900', standardDeliveryDays: 20 },
  ],
  items: [
    { code: 'CMM-H', service: 'product_quality_control', unit: 'hour', names: { fi: 'CMM-mittaus, tunti', en: 'CMM measurement, per hour' }, standardHours: '1' },
    { code: 'MIC-25', service: 'instrument_calibration', unit: 'piece', names: { fi: 'Ulkomikrometrin 0–25 mm kalibrointi' }, standardHours: '0.75' },
    { code: 'NAS979', service: 'reference_measurement', unit: 'piece', names: { fi: 'NAS 979 -koekappaleen mittaus' }, standardHours: '3.5' },
    { code: 'GB-SET', service: 'instrument_calibration', unit: 'piece', names: { fi: 'Mittapalasarjan tarkastus' }, fixedPrice: '240' },
  ],
});
