import { customerPricesExamples } from './pricing.examples.js';
import { nullableText, text } from '../../http/common-schemas.js';

const LAB_SERVICES = ['product_quality_control', 'reference_measurement', 'instrument_calibration'] as const;
const euros = { type: 'string', pattern: '^\\d{1,12}(\\.\\d{1,2})?$', description: 'Euros as a decimal string (never a number: money is exact)' } as const;
const dec = (description: string, example: string) => ({ type: 'string', pattern: '^\\d{1,8}(\\.\\d{1,2})?$', description, example }) as const;
const service = { type: 'string', enum: LAB_SERVICES } as const;
const money = { type: 'string', description: 'Euros, exact decimal string' } as const;

export const createPriceListBody = {
  type: 'object',
  additionalProperties: false,
  required: ['effectiveFrom', 'vatRate', 'costBases', 'items'],
  properties: {
    effectiveFrom: { type: 'string', format: 'date', description: 'Later than every existing version; today or later unless it is the first version' },
    vatRate: { type: 'string', pattern: '^\\d{1,2}(\\.\\d{1,2})?$', description: 'VAT percent, e.g. 25.5 in Finland' },
    notes: nullableText(2000),
    costBases: {
      type: 'array',
      minItems: 1,
      maxItems: 3,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['service', 'equipmentLeasingMaintenance', 'rent', 'laboratoryCosts', 'personnelCosts', 'plannedBillableHours', 'standardDeliveryDays'],
        properties: {
          service,
          equipmentLeasingMaintenance: { ...euros, description: 'Yearly leasing and maintenance of equipment' },
          rent: { ...euros, description: 'Yearly rent' },
          laboratoryCosts: { ...euros, description: 'Yearly measurement laboratory costs' },
          personnelCosts: { ...euros, description: 'Yearly personnel costs' },
          plannedBillableHours: { type: 'string', pattern: '^\\d{1,7}(\\.\\d)?$', description: 'Planned billable hours per year' },
          standardDeliveryDays: { type: 'integer', minimum: 1, maximum: 250, description: 'Standard delivery time in working days without an annual agreement' },
        },
      },
    },
    items: {
      type: 'array',
      minItems: 1,
      maxItems: 500,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['code', 'service', 'unit', 'names'],
        properties: {
          code: { type: 'string', pattern: '^[A-Z0-9][A-Z0-9_-]{0,31}$', example: 'CMM-H' },
          service,
          unit: { type: 'string', enum: ['hour', 'piece'] },
          names: {
            type: 'object',
            additionalProperties: false,
            required: ['fi'],
            properties: { fi: text(200), en: text(200), sv: text(200), et: text(200) },
          },
          standardHours: { ...dec('Work hours per unit, priced at the service hourly rate', '0.75'), nullable: true },
          fixedPrice: { ...euros, nullable: true, description: 'A fixed net price instead of standard hours' },
        },
      },
    },
  },
  example: {
    effectiveFrom: '2027-01-01',
    vatRate: '25.5',
    costBases: [
      { service: 'product_quality_control', equipmentLeasingMaintenance: '120000.00', rent: '36000.00', laboratoryCosts: '24000.00', personnelCosts: '215000.00', plannedBillableHours: '4000', standardDeliveryDays: 10 },
    ],
    items: [{ code: 'CMM-H', service: 'product_quality_control', unit: 'hour', names: { fi: 'CMM-mittaus, tunti', en: 'CMM measurement, per hour' }, standardHours: '1' }],
  },
} as const;

const costBasisOut = {
  type: 'object',
  required: ['service', 'equipmentLeasingMaintenance', 'rent', 'laboratoryCosts', 'personnelCosts', 'plannedBillableHours', 'hourlyRate', 'standardDeliveryDays'],
  properties: {
    service,
    equipmentLeasingMaintenance: money,
    rent: money,
    laboratoryCosts: money,
    personnelCosts: money,
    plannedBillableHours: { type: 'string' },
    hourlyRate: { ...money, description: 'Derived: the four costs summed and divided by the planned billable hours, rounded to cents' },
    standardDeliveryDays: { type: 'integer' },
  },
} as const;

const names = { type: 'object', additionalProperties: { type: 'string' } } as const;

const itemOut = {
  type: 'object',
  required: ['code', 'service', 'unit', 'names', 'standardHours', 'fixedPrice', 'unitPrice'],
  properties: { code: { type: 'string' }, service, unit: { type: 'string' }, names, standardHours: { type: 'string', nullable: true }, fixedPrice: { ...money, nullable: true }, unitPrice: { ...money, description: 'Net list price per unit' } },
} as const;

export const priceListSchema = {
  type: 'object',
  required: ['id', 'versionNumber', 'effectiveFrom', 'vatRate', 'notes', 'current', 'createdAt', 'costBases', 'items'],
  properties: {
    id: { type: 'string', format: 'uuid' },
    versionNumber: { type: 'integer' },
    effectiveFrom: { type: 'string', format: 'date' },
    vatRate: { type: 'string' },
    notes: { type: 'string', nullable: true },
    current: { type: 'boolean', description: 'True for the one version in force today' },
    createdAt: { type: 'string', format: 'date-time' },
    costBases: { type: 'array', items: costBasisOut },
    items: { type: 'array', items: itemOut },
  },
} as const;

export const customerPricesSchema = {
  type: 'object',
  required: ['companyId', 'priceListVersionId', 'versionNumber', 'effectiveFrom', 'vatRate', 'agreementId', 'hourlyRates', 'items'],
  properties: {
    companyId: { type: 'string', format: 'uuid', nullable: true },
    priceListVersionId: { type: 'string', format: 'uuid' },
    versionNumber: { type: 'integer' },
    effectiveFrom: { type: 'string', format: 'date' },
    vatRate: { type: 'string' },
    agreementId: { type: 'string', format: 'uuid', nullable: true, description: 'The annual agreement whose discounts apply' },
    hourlyRates: {
      type: 'array',
      items: { type: 'object', required: ['service', 'hourlyRate', 'discountPercent', 'agreedHourlyRate'], properties: { service, hourlyRate: money, discountPercent: { type: 'string' }, agreedHourlyRate: money } },
    },
    items: {
      type: 'array',
      items: {
        type: 'object',
        required: ['code', 'service', 'unit', 'names', 'listUnitPrice', 'discountPercent', 'unitPrice', 'unitPriceWithVat', 'priceSource'],
        properties: {
          code: { type: 'string' },
          service,
          unit: { type: 'string' },
          names,
          listUnitPrice: money,
          discountPercent: { type: 'string' },
          unitPrice: { ...money, description: 'Net price for this customer' },
          unitPriceWithVat: money,
          priceSource: { type: 'string', enum: ['price_list', 'agreement_discount', 'agreement_fixed_price'] },
        },
      },
    },
  },
  examples: customerPricesExamples,
} as const;

export const pricesQuery = { type: 'object', additionalProperties: false, properties: { companyId: { type: 'string', format: 'uuid', description: 'Staff: whose prices; customers always get their own' } } } as const;
export { idParams } from '../../http/common-schemas.js';
