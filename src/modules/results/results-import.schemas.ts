import { resultSchema } from './results.schemas.js';
import { text, MEASURED_PATTERN } from '../../http/common-schemas.js';

export { idParams } from '../../http/common-schemas.js';

const decimal = { type: 'string', pattern: MEASURED_PATTERN } as const;
const uuid = { type: 'string', format: 'uuid' } as const;

/** Query parameters: what the file lacks (QIF carries no method version, equipment or environment), and the dry run. */
export const importQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    dryRun: { type: 'boolean', default: false, description: 'Check the file and answer what would be recorded, without writing anything' },
    item: { ...text(60), description: "The job item: its line number (1, 2, …) or id. CSV: for rows without an item; QIF: only this item's characteristics are matched" },
    methodVersionId: { ...uuid, description: 'The released method version (CSV: for rows without method_version)' },
    equipment: { ...text(1000), description: 'Equipment codes or ids separated by | (CSV: for rows without equipment)' },
    measuredAt: { type: 'string', format: 'date-time', description: 'Measurement time with a UTC offset (CSV: for rows without measured_at; QIF: used instead of the time in the file)' },
    temperature: { ...decimal, description: '°C (CSV: for rows without temperature)' },
    humidity: { ...decimal, description: '%RH (CSV: for rows without humidity)' },
    deviationJustification: { ...text(2000), description: "Why results outside the method's environmental limits are recorded anyway (CSV: for rows without deviation_justification)" },
  },
} as const;

const csvExample = [
  'item;characteristic;value;unit;measured_at;equipment;method_version;temperature;humidity',
  '1;1;25,0110;mm;2026-03-02T09:15:00+02:00;KTK-CMM-001;0f6c2b7e-3c1d-4a8e-9b2f-6d5e4c3b2a10;20,2;45',
  '1;1;25,0112;mm;2026-03-02T09:15:00+02:00;KTK-CMM-001;0f6c2b7e-3c1d-4a8e-9b2f-6d5e4c3b2a10;20,2;45',
  '1;2;120.004;mm;2026-03-02T09:20:00+02:00;KTK-CMM-001;0f6c2b7e-3c1d-4a8e-9b2f-6d5e4c3b2a10;20,2;45',
].join('\r\n');

const file = (description: string, example?: string) => ({ schema: { type: 'string', description, ...(example ? { example } : {}) } });

/** The file as the request body, by media type (layout of the CSV in docs/results-import.md). */
export const importBody = {
  content: {
    'text/csv': file('A results CSV, UTF-8, header row, comma or semicolon separated; see docs/results-import.md', csvExample),
    'application/xml': file('A QIF Results file (ISO 23952, QIF 3); method version, equipment and environment come from the query'),
    'application/qif+xml': file('A QIF Results file (ISO 23952, QIF 3); method version, equipment and environment come from the query'),
  },
} as const;

const source = {
  type: 'array',
  description: 'Where the result came from: CSV lines (one per reading) or the QIF measurement',
  items: {
    type: 'object',
    properties: { line: { type: 'integer' }, measurementId: { type: 'string' }, characteristicItemId: { type: 'string' } },
  },
} as const;

export const importResponse = {
  type: 'object',
  required: ['format', 'dryRun', 'planned', 'results'],
  properties: {
    format: { type: 'string', enum: ['csv', 'qif'] },
    dryRun: { type: 'boolean' },
    planned: {
      type: 'array',
      description: 'One entry per result, in file order',
      items: {
        type: 'object',
        required: ['source', 'itemId', 'characteristicId', 'calibrationPoint', 'measuredAt', 'readings'],
        properties: {
          source,
          itemId: uuid,
          characteristicId: { ...uuid, nullable: true },
          calibrationPoint: { type: 'object', nullable: true, required: ['nominal', 'unit'], properties: { nominal: decimal, unit: { type: 'string' } } },
          measuredAt: { type: 'string' },
          readings: { type: 'array', items: { type: 'object', required: ['value', 'unit'], properties: { value: decimal, unit: { type: 'string' } } } },
        },
      },
    },
    results: { type: 'array', description: 'The results created (empty on a dry run)', items: resultSchema },
  },
} as const;
