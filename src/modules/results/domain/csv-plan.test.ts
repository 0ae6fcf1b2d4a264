import { planCsv } from './csv-plan.js';
import { findItem, placeProblems, readDecimal, readTimestamp, sortProblems, type ImportItem } from './import-plan.js';
import { QIF_COLUMN_NAMES } from './qif-plan.js';
import { readResultsCsv } from './results-csv.js';

const VERSION = '0f6c2b7e-3c1d-4a8e-9b2f-6d5e4c3b2a10';
const items: ImportItem[] = [
  { id: 'a0000000-0000-4000-8000-000000000001', lineNo: 1, description: 'Shaft', instrument: false, characteristics: [{ id: 'c1', identifier: '1', qifId: null }, { id: 'c2', identifier: '2', qifId: null }] },
  { id: 'a0000000-0000-4000-8000-000000000002', lineNo: 2, description: 'Micrometer', instrument: true, characteristics: [] },
];
const plan = (csv: string, defaults = {}, of = items) => planCsv(readResultsCsv(csv), of, defaults);
const HEAD = 'item;characteristic;value;unit;measured_at;equipment;method_version;temperature;humidity\n';

describe('values', () => {
  test('decimals keep their digits; a decimal comma becomes a point by text, never by float', () => {
    expect(readDecimal('25,0110')).toBe('25.0110');
    expect(readDecimal('+0.10000000000000000001')).toBe('0.10000000000000000001');
    expect(readDecimal('-3')).toBe('-3');
    for (const bad of ['1e-3', '1 000,5', '1.000,5', '.5', '', 'NaN']) expect(readDecimal(bad)).toBeNull();
  });

  test('times need a UTC offset and a real calendar day', () => {
    expect(readTimestamp('2026-03-02T09:15:00+02:00')).toBe('2026-03-02T09:15:00+02:00');
    expect(readTimestamp('2026-03-02 09:15+0200')).toBe('2026-03-02T09:15:00+02:00');
    expect(readTimestamp('2026-03-02T07:15:00.5z')).toBe('2026-03-02T07:15:00.5Z');
    for (const bad of ['2026-03-02T09:15:00', '2026-02-30T09:15:00Z', '2026-03-02T24:00:00Z', '02.03.2026 09:15']) expect(readTimestamp(bad)).toBeNull();
  });

  test('items by line number or id', () => {
    expect(findItem(items, '2')?.description).toBe('Micrometer');
    expect(findItem(items, items[0]!.id.toUpperCase())?.lineNo).toBe(1);
    expect(findItem(items, '3')).toBeNull();
  });
});

describe('rows to results', () => {
  test('a result takes at most 1000 readings, as when logged one by one; other results of the file are still planned', () => {
    const row = (characteristic: string) => `1;${characteristic};25,011;mm;2026-03-02T09:15:00+02:00;KTK-CMM-001;${VERSION};20,1;45\n`;
    const { drafts, problems } = plan(`${HEAD}${row('1').repeat(1001)}${row('2').repeat(1000)}`);
    expect(problems).toEqual([
      expect.objectContaining({ line: 1002, column: 'value', code: 'LIMS_RESULT_INVALID', reason: expect.stringMatching(/^Line 2 begins a result of 1001 repeats .* at most 1000 readings/) }),
    ]);
    expect(drafts).toHaveLength(1);
    expect(drafts[0]!.input.readings).toHaveLength(1000);
  });

  test('rows with the same item, characteristic and time are one result, readings in file order', () => {
    const { drafts, problems } = plan(
      `${HEAD}1;1;25,0110;mm;2026-03-02T09:15:00+02:00;KTK-CMM-001|KTK-GB-02;${VERSION};20,1;45\n` +
        `1;1;25.0112;mm;2026-03-02T07:15:00Z;KTK-CMM-001|KTK-GB-02;${VERSION};20,1;45\n` +
        `1;2;120.004;mm;2026-03-02T09:20:00+02:00;KTK-CMM-001;${VERSION};20.1;45\n`,
    );
    expect(problems).toEqual([]);
    expect(drafts).toEqual([
      {
        itemId: items[0]!.id,
        refs: [{ line: 2 }, { line: 3 }],
        input: {
          characteristicId: 'c1',
          methodVersionId: VERSION,
          equipmentIds: ['KTK-CMM-001', 'KTK-GB-02'],
          measuredAt: '2026-03-02T09:15:00+02:00',
          environment: { temperature: '20.1', humidity: '45' },
          readings: [
            { value: '25.0110', unit: 'mm' },
            { value: '25.0112', unit: 'mm' },
          ],
          remarks: null,
        },
      },
      expect.objectContaining({ refs: [{ line: 4 }], input: expect.objectContaining({ characteristicId: 'c2', equipmentIds: ['KTK-CMM-001'] }) }),
    ]);
  });

  test('calibration points of an instrument; query parameters fill what the file lacks', () => {
    const { drafts, problems } = plan('item,point_nominal,point_unit,value,unit\n2,"12,5",mm,12.501,mm\n', { methodVersionId: VERSION, equipment: 'KTK-GB-01', measuredAt: '2026-03-02T09:15:00+02:00', temperature: '20.0' });
    expect(problems).toEqual([]);
    expect(drafts[0]!.input).toMatchObject({ calibrationPoint: { nominal: '12.5', unit: 'mm' }, equipmentIds: ['KTK-GB-01'], environment: { temperature: '20.0' }, readings: [{ value: '12.501', unit: 'mm' }] });
  });

  test('the item may be left out when the job has one', () => {
    const { drafts } = plan(`characteristic,value,unit,measured_at,equipment,method_version\n2,120.0,mm,2026-03-02T09:15:00Z,E1,${VERSION}\n`, {}, [items[0]!]);
    expect(drafts[0]!.itemId).toBe(items[0]!.id);
  });

  test('every bad value of every row is reported with its line and column', () => {
    const { problems } = plan(
      `${HEAD}1;9;25.011;mm;2026-03-02T09:15:00+02:00;E1;${VERSION};20;45\n` +
        `3;1;25.011;mm;2026-03-02T09:15:00+02:00;E1;${VERSION};20;45\n` +
        `1;1;25.01.1;mm;2 March;E1;not-an-id;warm;45\n`,
    );
    expect(problems.map((p) => [p.line, p.column, p.code])).toEqual([
      [2, 'characteristic', 'LIMS_RESULT_IMPORT_UNMATCHED'],
      [3, 'item', 'LIMS_RESULT_IMPORT_UNMATCHED'],
      [4, 'value', 'LIMS_RESULT_IMPORT_BAD_VALUE'],
      [4, 'measured_at', 'LIMS_RESULT_IMPORT_BAD_VALUE'],
      [4, 'method_version', 'LIMS_RESULT_IMPORT_BAD_VALUE'],
      [4, 'temperature', 'LIMS_RESULT_IMPORT_BAD_VALUE'],
    ]);
    expect(problems[0]!.reason).toContain('has no characteristic "9"');
  });

  test('repeats of one result must agree on the result-level columns', () => {
    const { problems } = plan(`${HEAD}1;1;25.011;mm;2026-03-02T09:15:00+02:00;E1;${VERSION};20;45\n1;1;25.012;mm;2026-03-02T09:15:00+02:00;E2;${VERSION};20;45\n`);
    expect(problems).toEqual([{ line: 3, column: 'equipment', code: 'LIMS_RESULT_IMPORT_INCONSISTENT', reason: expect.stringContaining('differs from line 2') }]);
  });

  test('a missing required column is reported once on the header, not on every row', () => {
    const { problems } = plan(`item;characteristic;value;measured_at;equipment;method_version\n1;1;25.011;2026-03-02T09:15:00+02:00;E1;${VERSION}\n1;2;120;2026-03-02T09:15:00+02:00;E1;${VERSION}\n`);
    expect(problems).toEqual([{ line: 1, column: 'unit', code: 'LIMS_RESULT_IMPORT_MISSING_VALUE', reason: expect.stringContaining('Required column "unit" is missing') }]);
  });

  test('a header without rows is refused', () => {
    expect(plan(HEAD).problems).toEqual([expect.objectContaining({ line: 1, reason: expect.stringContaining('no rows') })]);
  });
});

describe('problems of the checks placed on the file', () => {
  test("a reading's unit on its own line, each environmental violation on its column, the rest on the first line", () => {
    const draft = { itemId: 'i', refs: [{ line: 5 }, { line: 6 }], input: { characteristicId: 'c1', methodVersionId: VERSION, equipmentIds: [], measuredAt: '', environment: {}, readings: [] } };
    const names = { characteristic: 'characteristic', point: 'point_nominal', item: 'item', measuredAt: 'measured_at', methodVersion: 'method_version', equipment: 'equipment', value: 'value', unit: 'unit', temperature: 'temperature', humidity: 'humidity', deviation: 'deviation_justification' };
    const placed = placeProblems(
      draft,
      [
        { code: 'LIMS_RESULT_EQUIPMENT_NOT_USABLE', field: 'equipmentIds', message: 'Equipment not usable on 2026-03-02: KTK-MIC-OLD (calibration_overdue).' },
        { code: 'LIMS_RESULT_UNIT_MISMATCH', field: 'readings', message: '…', details: { expectedUnit: 'mm', mismatches: [{ repeat: 2, unit: 'deg' }] } },
        { code: 'LIMS_RESULT_ENVIRONMENT_OUT_OF_LIMITS', field: 'environment', message: '…', details: { violations: [{ quantity: 'temperature', reading: '21.5', lower: '19.5', upper: '20.5' }, { quantity: 'humidity', reading: null, lower: '30', upper: '60' }] } },
      ],
      names,
    );
    expect(placed).toEqual([
      { line: 5, column: 'equipment', code: 'LIMS_RESULT_EQUIPMENT_NOT_USABLE', reason: expect.stringContaining('KTK-MIC-OLD (calibration_overdue)') },
      { line: 6, column: 'unit', code: 'LIMS_RESULT_UNIT_MISMATCH', reason: expect.stringContaining('Unit deg does not fit mm') },
      { line: 5, column: 'temperature', code: 'LIMS_RESULT_ENVIRONMENT_OUT_OF_LIMITS', reason: expect.stringContaining('temperature 21.5 is outside') },
      { line: 5, column: 'humidity', code: 'LIMS_RESULT_ENVIRONMENT_OUT_OF_LIMITS', reason: expect.stringContaining('No humidity reading') },
    ]);
  });

  test('QIF problems of the query parameters name no measurement and are listed once for the file', () => {
    const overdue = { code: 'LIMS_RESULT_EQUIPMENT_NOT_USABLE', field: 'equipmentIds', message: 'Equipment not usable on 2026-03-02: KTK-MIC-OLD (calibration_overdue).' } as const;
    const draft = (id: string) => ({ itemId: 'i', refs: [{ measurementId: id, characteristicItemId: '1' }], input: { characteristicId: 'c1', methodVersionId: VERSION, equipmentIds: [], measuredAt: '', environment: {}, readings: [] } });
    const placed = [...placeProblems(draft('17'), [overdue], QIF_COLUMN_NAMES), ...placeProblems(draft('18'), [overdue], QIF_COLUMN_NAMES)];
    expect(sortProblems(placed)).toEqual([{ column: 'equipment', code: 'LIMS_RESULT_EQUIPMENT_NOT_USABLE', reason: overdue.message }]);
  });
});
