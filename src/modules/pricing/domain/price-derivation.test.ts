import { customerPrice, hourlyRate, itemUnitPrice, lineNet, totals, withVat } from './price-derivation.js';

// Hand-checked: (120 000 + 36 000 + 24 000 + 215 000) € / 4 000 h = 395 000 / 4 000 = 98.75 €/h
const cmm = { equipmentLeasingMaintenance: '120000.00', rent: '36000.00', laboratoryCosts: '24000.00', personnelCosts: '215000.00', plannedBillableHours: '4000' };

describe('cost-based price derivation', () => {
  test('the hourly rate recovers the yearly costs over the planned billable hours', () => {
    expect(hourlyRate(cmm)).toBe('98.75');
    // 200 000 / 1 900 = 105.2631... -> 105.26
    expect(hourlyRate({ equipmentLeasingMaintenance: '60000', rent: '18000', laboratoryCosts: '12000', personnelCosts: '110000', plannedBillableHours: '1900' })).toBe('105.26');
    expect(() => hourlyRate({ ...cmm, plannedBillableHours: '0' })).toThrow(RangeError);
  });

  test('items are priced by standard hours at the published rate, or at a fixed price', () => {
    expect(itemUnitPrice({ standardHours: '3.5', fixedPrice: null }, '105.26')).toBe('368.41');
    expect(itemUnitPrice({ standardHours: null, fixedPrice: '240' }, '65.00')).toBe('240.00');
  });

  test('agreed fixed prices win over discounts, discounts over the list', () => {
    const agreed = { discounts: { product_quality_control: '10' }, fixedPrices: { NAS979: '330.00' } };
    expect(customerPrice({ code: 'CMM-H', service: 'product_quality_control' }, '98.75', agreed)).toEqual({
      listUnitPrice: '98.75',
      discountPercent: '10.00',
      unitPrice: '88.88', // 88.875 rounds half away from zero
      source: 'agreement_discount',
    });
    expect(customerPrice({ code: 'NAS979', service: 'reference_measurement' }, '368.41', agreed).unitPrice).toBe('330.00');
    expect(customerPrice({ code: 'MIC-25', service: 'instrument_calibration' }, '48.75', agreed).source).toBe('price_list');
    expect(customerPrice({ code: 'MIC-25', service: 'instrument_calibration' }, '48.75', null).unitPrice).toBe('48.75');
  });

  test('VAT 25.5 % is taken once on the net total', () => {
    expect(lineNet('88.88', '6')).toBe('533.28');
    expect(totals(['533.28', '195.00'], '25.5')).toEqual({ net: '728.28', vat: '185.71', gross: '913.99' });
    expect(withVat('98.75', '25.50')).toBe('123.93'); // 98.75 * 1.255 = 123.93125
  });
});
