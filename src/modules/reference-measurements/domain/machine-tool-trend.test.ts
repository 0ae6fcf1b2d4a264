import { machineToolTrends, type TrendPiece } from './machine-tool-trend.js';

const piece = (itemId: string, manufacturedOn: string, value: string | null, unit = 'mm', flatness: string | null = null): TrendPiece => ({
  itemId,
  manufacturedOn,
  characteristics: [
    { identifier: 'D1', nominal: '108.000', unit: 'mm', lab: value === null ? null : { value, unit, expandedUncertainty: null, coverageFactor: null } },
    { identifier: 'F1', nominal: null, unit: 'mm', lab: flatness === null ? null : { value: flatness, unit: 'mm', expandedUncertainty: '0.002', coverageFactor: 2 } },
  ],
});

describe('trend of a machine tool from its test pieces', () => {
  test('deviations from nominal by manufacturing day, and the drift per year of a straight line', () => {
    // Deviations 0.002, 0.004, 0.006 mm at 0, 1 and 2 Julian years: 0.002 mm per year, no scatter.
    const trends = machineToolTrends([piece('c', '2026-01-01', '108.006'), piece('a', '2024-01-01', '108.002'), piece('b', '2024-12-31T12:00:00Z'.slice(0, 10), '108.004')]);
    const d1 = trends.find((t) => t.identifier === 'D1')!;
    expect(d1.points.map((p) => [p.itemId, p.deviation])).toEqual([
      ['a', '0.002'],
      ['b', '0.004'],
      ['c', '0.006'],
    ]);
    expect(d1.analysis.n).toBe(3);
    expect(d1.analysis.trend!.method).toBe('ordinary');
    expect(d1.analysis.trend!.driftPerYear).toBeCloseTo(0.002, 4);
  });

  test('values in another unit are converted into the series unit; a geometric characteristic deviates from zero', () => {
    const trends = machineToolTrends([piece('a', '2024-01-01', '108002', 'µm', '0.003'), piece('b', '2025-01-01', '108.003', 'mm', '0.004')]);
    expect(trends.find((t) => t.identifier === 'D1')!.points.map((p) => p.measured)).toEqual(['108.002', '108.003']);
    const f1 = trends.find((t) => t.identifier === 'F1')!;
    expect(f1.points.map((p) => p.deviation)).toEqual(['0.003', '0.004']);
    expect(f1.points[0]!.standardUncertainty).toBeCloseTo(0.001, 12);
    expect(f1.analysis.trend!.method).toBe('weighted');
  });

  test('pieces without a lab value are left out; one piece gives no trend and says why', () => {
    const [d1] = machineToolTrends([piece('a', '2024-01-01', '108.002'), piece('b', '2025-01-01', null)]);
    expect(d1!.points).toHaveLength(1);
    expect(d1!.analysis.trend).toBeNull();
    expect(d1!.analysis.noTrendReason).toBe('tooFewPoints');
  });
});
