import { effectiveStatus, findOverlap, inForce, periodProblem, type AgreementPeriod } from './lifecycle.js';
import { addMonths, ndaExpiresOn, ndaStatus } from './nda-rules.js';

const annual = (over: Partial<AgreementPeriod>): AgreementPeriod => ({
  id: 'a',
  seriesId: 's-a',
  number: 'AG-2026-00001',
  version: 1,
  kind: 'annual',
  status: 'active',
  services: ['product_quality_control'],
  validFrom: '2026-01-01',
  validTo: '2026-12-31',
  ...over,
});

describe('agreement lifecycle rules', () => {
  test('expired is derived from the end date', () => {
    expect(effectiveStatus({ status: 'active', validTo: '2026-12-31' }, '2027-01-01')).toBe('expired');
    expect(effectiveStatus({ status: 'active', validTo: '2026-12-31' }, '2026-12-31')).toBe('active');
    expect(effectiveStatus({ status: 'draft', validTo: '2020-12-31' }, '2026-01-01')).toBe('draft');
    expect(inForce(annual({}), '2026-06-01')).toBe(true);
    expect(inForce(annual({}), '2027-01-01')).toBe(false);
  });

  test('an annual agreement overlapping an active one for a shared service is found', () => {
    const existing = annual({});
    const candidate = annual({ id: 'b', seriesId: 's-b', validFrom: '2026-07-01', validTo: '2027-06-30', services: ['instrument_calibration', 'product_quality_control'] });
    expect(findOverlap(candidate, [existing])).toEqual({ agreement: existing, services: ['product_quality_control'] });
  });

  test('no overlap for other services, adjacent periods, ad hoc agreements or the same series', () => {
    const existing = annual({});
    expect(findOverlap(annual({ id: 'b', seriesId: 's-b', services: ['instrument_calibration'] }), [existing])).toBeNull();
    expect(findOverlap(annual({ id: 'b', seriesId: 's-b', validFrom: '2027-01-01', validTo: '2027-12-31' }), [existing])).toBeNull();
    expect(findOverlap(annual({ id: 'b', seriesId: 's-b', kind: 'ad_hoc' }), [existing])).toBeNull();
    expect(findOverlap(annual({ id: 'b', seriesId: 's-a', version: 2 }), [existing])).toBeNull();
    expect(findOverlap(annual({ id: 'b', seriesId: 's-b' }), [annual({ status: 'terminated' })])).toBeNull();
  });

  test('periods are checked', () => {
    expect(periodProblem('annual', '2026-01-01', null)).toMatch(/needs validTo/);
    expect(periodProblem('ad_hoc', '2026-01-01', null)).toBeNull();
    expect(periodProblem('annual', '2026-01-01', '2025-12-31')).toMatch(/before/);
    expect(periodProblem('annual', '2026-01-01', '2030-01-01')).toMatch(/three years/);
  });
});

describe('NDA terms', () => {
  test('the term ends the day before the same date after termMonths', () => {
    expect(ndaExpiresOn('2026-12-15', 60)).toBe('2031-12-14');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-11-15', 14)).toBe('2028-01-15');
  });

  test('expired is derived', () => {
    expect(ndaStatus({ status: 'active', expiresOn: '2026-01-01' }, '2026-01-02')).toBe('expired');
    expect(ndaStatus({ status: 'pending', expiresOn: null }, '2026-01-02')).toBe('pending');
  });
});
