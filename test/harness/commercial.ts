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
