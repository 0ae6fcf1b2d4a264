/**
 * A realistic answer for the OpenAPI document (Swagger UI at /docs) of GET /prices: the current
 * prices of a customer with an annual agreement (10 % off product quality control), derived from
 * the cost basis as the service does (96.50 €/h = 386 000 € / 4 000 h; VAT 25.5 %).
 */

const names = (fi: string, en: string) => ({ fi, en });

export const customerPricesExamples = [
  {
    companyId: '6f1d0c8a-2b1e-4d7f-8a31-0c2e5b9d4a11',
    priceListVersionId: '1a3c5e7f-9b1d-4f3a-8c5e-7a9b1d3f5c51',
    versionNumber: 3,
    effectiveFrom: '2026-01-01',
    vatRate: '25.50',
    agreementId: '9a7e5c3b-1d2f-4e6a-8b0c-2d4f6a8c0e12',
    hourlyRates: [
      { service: 'product_quality_control', hourlyRate: '96.50', discountPercent: '10.00', agreedHourlyRate: '86.85' },
      { service: 'instrument_calibration', hourlyRate: '77.50', discountPercent: '0.00', agreedHourlyRate: '77.50' },
      { service: 'reference_measurement', hourlyRate: '104.20', discountPercent: '0.00', agreedHourlyRate: '104.20' },
    ],
    items: [
      { code: 'CMM-H', service: 'product_quality_control', unit: 'hour', names: names('CMM-mittaus, tunti', 'CMM measurement, per hour'), listUnitPrice: '96.50', discountPercent: '10.00', unitPrice: '86.85', unitPriceWithVat: '109.00', priceSource: 'agreement_discount' },
      { code: 'MIC-25', service: 'instrument_calibration', unit: 'piece', names: names('Mikrometrin kalibrointi 0–25 mm', 'Calibration of a micrometer 0–25 mm'), listUnitPrice: '46.50', discountPercent: '0.00', unitPrice: '46.50', unitPriceWithVat: '58.36', priceSource: 'price_list' },
      { code: 'NAS979', service: 'reference_measurement', unit: 'piece', names: names('NAS 979 -koekappaleen mittaus', 'Measurement of a NAS 979 test piece'), listUnitPrice: '360.00', discountPercent: '0.00', unitPrice: '330.00', unitPriceWithVat: '414.15', priceSource: 'agreement_fixed_price' },
    ],
  },
];
