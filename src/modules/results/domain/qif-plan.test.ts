import type { ImportItem } from './import-plan.js';
import { planQif } from './qif-plan.js';

const VERSION = '0f6c2b7e-3c1d-4a8e-9b2f-6d5e4c3b2a10';
const piece = (lineNo: number, characteristics: ImportItem['characteristics']): ImportItem => ({ id: `a0000000-0000-4000-8000-00000000000${lineNo}`, lineNo, description: `Bracket ${lineNo}`, instrument: false, characteristics });
const items = [piece(1, [{ id: 'c25', identifier: '1', qifId: '25' }, { id: 'c50', identifier: '6', qifId: null }])];
const query = { methodVersionId: VERSION, equipment: 'KTK-CMM-001', temperature: '20.1', humidity: '45' };
const m = (measurementId: string, characteristicItemId: string, values: string[], extra: { designator?: string; unit?: string } = { unit: 'mm' }) => ({ measurementId, characteristicItemId, values, ...extra });

describe('QIF measurements to results', () => {
  test('matched by QIF id, else by designator; values kept digit for digit; the query gives method, equipment and environment', () => {
    const { drafts, problems } = planQif({ measuredAt: '2026-03-02T09:15:00+02:00', measurements: [m('26', '25', ['2466.9000000000001']), m('51', '50', ['9.499476'], { designator: '6', unit: 'mm' })] }, items, query);
    expect(problems).toEqual([]);
    expect(drafts).toEqual([
      {
        itemId: items[0]!.id,
        refs: [{ measurementId: '26', characteristicItemId: '25' }],
        input: {
          characteristicId: 'c25',
          methodVersionId: VERSION,
          equipmentIds: ['KTK-CMM-001'],
          measuredAt: '2026-03-02T09:15:00+02:00',
          environment: { temperature: '20.1', humidity: '45' },
          readings: [{ value: '2466.9000000000001', unit: 'mm' }],
          remarks: 'QIF measurement 26 of characteristic item 25',
        },
      },
      expect.objectContaining({ input: expect.objectContaining({ characteristicId: 'c50', readings: [{ value: '9.499476', unit: 'mm' }] }) }),
    ]);
  });

  test("the measurement time of the query wins over the measurement's and the file's; without any, or without an offset, the file is refused", () => {
    const file = { measuredAt: '2015-10-23T05:36:11', measurements: [m('26', '25', ['1'])] };
    expect(planQif(file, items, { ...query, measuredAt: '2026-03-02T09:15:00Z' }).drafts[0]!.input.measuredAt).toBe('2026-03-02T09:15:00Z');
    expect(planQif(file, items, query).problems).toEqual([{ column: 'measuredAt', code: 'LIMS_RESULT_IMPORT_BAD_VALUE', reason: expect.stringContaining('no UTC offset') }]);
    const own = { ...file, measurements: [{ ...m('26', '25', ['1']), measuredAt: '2026-03-02T10:00:00+02:00' }] };
    expect(planQif(own, items, query).drafts[0]!.input.measuredAt).toBe('2026-03-02T10:00:00+02:00');
    expect(planQif({ measurements: file.measurements }, items, query).problems).toEqual([{ column: 'measuredAt', code: 'LIMS_RESULT_IMPORT_MISSING_VALUE', reason: expect.stringContaining('give the query parameter measuredAt') }]);
  });

  test('every unmatched, ambiguous, valueless or unitless measurement is a problem of its own, by measurement id', () => {
    const twoPieces = [...items, piece(2, [{ id: 'd25', identifier: '1', qifId: '25' }])];
    const file = { measuredAt: '2026-03-02T09:15:00+02:00', measurements: [m('99', '98', ['1'], { designator: '42', unit: 'mm' }), m('26', '25', ['1']), m('51', '50', [], { designator: '6' }), m('52', '50', ['1e-3'], { designator: '6', unit: 'mm' })] };
    expect(planQif(file, twoPieces, { methodVersionId: VERSION }).problems).toEqual([
      { column: 'equipment', code: 'LIMS_RESULT_IMPORT_MISSING_VALUE', reason: expect.stringContaining('query parameter equipment') },
      { measurementId: '99', characteristicItemId: '98', column: 'characteristicItemId', code: 'LIMS_RESULT_IMPORT_UNMATCHED', reason: expect.stringContaining('has QIF id 98 or designator "42"') },
      { measurementId: '26', characteristicItemId: '25', column: 'characteristicItemId', code: 'LIMS_RESULT_IMPORT_UNMATCHED', reason: expect.stringContaining('matches characteristics of items 1, 2; give the query parameter item') },
      { measurementId: '51', characteristicItemId: '50', column: 'values', code: 'LIMS_RESULT_IMPORT_MISSING_VALUE', reason: expect.stringContaining('no measured value') },
      { measurementId: '51', characteristicItemId: '50', column: 'unit', code: 'LIMS_RESULT_IMPORT_MISSING_VALUE', reason: expect.stringContaining('no unit') },
      { measurementId: '52', characteristicItemId: '50', column: 'values', code: 'LIMS_RESULT_IMPORT_BAD_VALUE', reason: expect.stringContaining('"1e-3" is not a decimal') },
    ]);
    expect(planQif({ ...file, measurements: [m('26', '25', ['1'])] }, twoPieces, { ...query, item: '2' }).drafts[0]!.input.characteristicId).toBe('d25');
  });
});
