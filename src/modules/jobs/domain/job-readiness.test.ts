import { describeMissing, describeUnreleased, missingResults, unreleasedItems, type ItemCoverage, type ReadinessItem } from './job-readiness.js';

const shaft: ReadinessItem = {
  id: 'shaft',
  lineNo: 1,
  description: 'Shaft 40-123',
  instrument: false,
  characteristics: [
    { id: 'c1', identifier: '1' },
    { id: 'c2', identifier: '2' },
    { id: 'c3', identifier: '3' },
  ],
};
const micrometer: ReadinessItem = { id: 'mic', lineNo: 2, description: 'Micrometer 0–25 mm', instrument: true, characteristics: [] };
const cover = (itemId: string, over: Partial<ItemCoverage> = {}): ItemCoverage => ({ itemId, measuredCharacteristicIds: [], calibrationPoints: 0, released: false, ...over });

describe('ready for review', () => {
  test('nothing recorded: every characteristic of a piece and the instrument are missing', () => {
    const missing = missingResults([shaft, micrometer], []);
    expect(missing).toEqual([
      {
        itemId: 'shaft',
        lineNo: 1,
        description: 'Shaft 40-123',
        missing: 'characteristics',
        characteristics: [
          { id: 'c1', identifier: '1' },
          { id: 'c2', identifier: '2' },
          { id: 'c3', identifier: '3' },
        ],
      },
      { itemId: 'mic', lineNo: 2, description: 'Micrometer 0–25 mm', missing: 'calibration_point', characteristics: [] },
    ]);
    expect(describeMissing(missing)).toBe('item 1 ("Shaft 40-123"): no current result for characteristics 1, 2, 3; item 2 ("Micrometer 0–25 mm"): no calibration point');
  });

  test('only the characteristics without a current result are listed', () => {
    const missing = missingResults([shaft, micrometer], [cover('shaft', { measuredCharacteristicIds: ['c1', 'c3'] }), cover('mic', { calibrationPoints: 1 })]);
    expect(missing).toEqual([{ itemId: 'shaft', lineNo: 1, description: 'Shaft 40-123', missing: 'characteristics', characteristics: [{ id: 'c2', identifier: '2' }] }]);
    expect(describeMissing(missing)).toBe('item 1 ("Shaft 40-123"): no current result for characteristic 2');
  });

  test('every characteristic measured and a calibration point on every instrument: ready', () => {
    expect(missingResults([shaft, micrometer], [cover('shaft', { measuredCharacteristicIds: ['c3', 'c2', 'c1'] }), cover('mic', { calibrationPoints: 3 })])).toEqual([]);
  });
});

describe('ready to report', () => {
  test('items not released are listed in item order; all released is ready', () => {
    const unreleased = unreleasedItems([shaft, micrometer], [cover('mic', { released: true })]);
    expect(unreleased).toEqual([{ itemId: 'shaft', lineNo: 1, description: 'Shaft 40-123' }]);
    expect(describeUnreleased(unreleasedItems([shaft, micrometer], []))).toBe('item 1 ("Shaft 40-123"), item 2 ("Micrometer 0–25 mm")');
    expect(unreleasedItems([shaft, micrometer], [cover('shaft', { released: true }), cover('mic', { released: true })])).toEqual([]);
  });
});
