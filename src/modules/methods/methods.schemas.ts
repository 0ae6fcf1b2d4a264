import { EQUIPMENT_TYPES } from '../equipment/index.js';
import { text, MEASURED_PATTERN } from '../../http/common-schemas.js';

const decimal = { type: 'string', pattern: MEASURED_PATTERN, description: 'An exact decimal as text' } as const;
const nDecimal = { ...decimal, nullable: true } as const;
const uuid = { type: 'string', format: 'uuid' } as const;
const obj = (properties: Record<string, unknown>, required = Object.keys(properties)) => ({ type: 'object', required, properties }) as const;
const closed = (properties: Record<string, unknown>, required: string[] = []) => ({ type: 'object', additionalProperties: false, ...(required.length ? { required } : {}), properties }) as const;

const cmcEntry = closed(
  {
    quantity: text(200, 'Length of gauge blocks'),
    rangeLower: decimal,
    rangeUpper: decimal,
    unit: text(20, 'mm'),
    expandedUncertainty: decimal,
    uncertaintyUnit: text(20, 'µm'),
    expression: { ...text(200, '0.05 µm + 0.5·10⁻⁶·L'), nullable: true },
  },
  ['quantity', 'rangeLower', 'rangeUpper', 'unit', 'expandedUncertainty', 'uncertaintyUnit'],
);
const temperature = { ...closed({ nominal: decimal, tolerance: decimal }, ['nominal', 'tolerance']), nullable: true, description: '°C: nominal ± tolerance' } as const;
const humidity = { ...closed({ min: decimal, max: decimal }, ['min', 'max']), nullable: true, description: '%RH' } as const;

const versionFields = {
  title: text(300, 'Ulkomikrometrien kalibrointi'),
  scope: text(4000, 'External micrometers 0-100 mm, resolution 0.001 mm'),
  accredited: { type: 'boolean' },
  cmcText: { ...text(4000), nullable: true },
  cmcEntries: { type: 'array', maxItems: 100, items: cmcEntry },
  environment: closed({ temperature, humidity }),
  requiredEquipmentTypes: { type: 'array', maxItems: 20, uniqueItems: true, items: { type: 'string', enum: EQUIPMENT_TYPES } },
  uncertaintyBudgetTemplateId: { ...text(100), nullable: true, description: 'The uncertainty budget template to use (defined by the uncertainty module)' },
  changeNote: { ...text(2000), nullable: true },
} as const;

const versionExample = {
  title: 'Ulkomikrometrien kalibrointi',
  scope: 'External micrometers 0-100 mm',
  accredited: true,
  cmcEntries: [{ quantity: 'Micrometer indication error', rangeLower: '0', rangeUpper: '100', unit: 'mm', expandedUncertainty: '1.5', uncertaintyUnit: 'µm' }],
  environment: { temperature: { nominal: '20', tolerance: '0.5' }, humidity: { min: '30', max: '60' } },
  requiredEquipmentTypes: ['gauge_block', 'thermometer'],
  uncertaintyBudgetTemplateId: 'MIC-UB-1',
};

export const createMethodBody = {
  type: 'object',
  additionalProperties: false,
  required: ['code', 'title', 'scope', 'accredited'],
  properties: { code: text(40, 'KTK-KP-05'), ...versionFields },
  example: { code: 'KTK-KP-05', ...versionExample },
} as const;

export const versionBody = { type: 'object', additionalProperties: false, properties: versionFields, example: { ...versionExample, changeNote: 'Humidity range widened' } } as const;
export const updateDraftBody = { ...versionBody, minProperties: 1 } as const;
export const releaseBody = { type: 'object', additionalProperties: false, properties: { effectiveFrom: { type: 'string', format: 'date' } }, example: { effectiveFrom: '2026-04-01' } } as const;

export { idParams } from '../../http/common-schemas.js';
export const versionParams = { type: 'object', additionalProperties: false, required: ['id', 'versionId'], properties: { id: uuid, versionId: uuid } } as const;

export const versionSchema = obj({
  id: uuid,
  methodId: uuid,
  versionNumber: { type: 'integer' },
  state: { type: 'string', enum: ['draft', 'released', 'superseded'] },
  supersededById: { ...uuid, nullable: true },
  title: { type: 'string' },
  scope: { type: 'string' },
  accredited: { type: 'boolean' },
  cmcText: { type: 'string', nullable: true },
  cmcEntries: {
    type: 'array',
    items: obj(
      { quantity: { type: 'string' }, rangeLower: decimal, rangeUpper: decimal, unit: { type: 'string' }, expandedUncertainty: decimal, uncertaintyUnit: { type: 'string' }, expression: { type: 'string', nullable: true } },
      ['quantity', 'rangeLower', 'rangeUpper', 'unit', 'expandedUncertainty', 'uncertaintyUnit'],
    ),
  },
  environment: obj({
    temperature: { ...obj({ nominal: decimal, tolerance: decimal }), nullable: true },
    humidity: { ...obj({ min: decimal, max: decimal }), nullable: true },
  }),
  requiredEquipmentTypes: { type: 'array', items: { type: 'string' } },
  uncertaintyBudgetTemplateId: { type: 'string', nullable: true },
  changeNote: { type: 'string', nullable: true },
  effectiveFrom: { type: 'string', format: 'date', nullable: true },
  releasedAt: { type: 'string', format: 'date-time', nullable: true },
  releasedBy: { ...uuid, nullable: true },
  createdAt: { type: 'string', format: 'date-time' },
});

export const methodSchema = obj({ id: uuid, code: { type: 'string' }, createdAt: { type: 'string', format: 'date-time' }, versions: { type: 'array', items: versionSchema } });

export const environmentCheckBody = {
  type: 'object',
  additionalProperties: false,
  properties: { temperature: { type: 'array', maxItems: 1000, items: decimal }, humidity: { type: 'array', maxItems: 1000, items: decimal } },
  example: { temperature: ['20.1', '20.3'], humidity: ['45'] },
} as const;

export const environmentCheckSchema = obj({
  withinLimits: { type: 'boolean' },
  violations: {
    type: 'array',
    items: obj({ quantity: { type: 'string' }, reading: nDecimal, lower: decimal, upper: decimal, kind: { type: 'string', enum: ['below', 'above', 'missing'] } }),
  },
});
