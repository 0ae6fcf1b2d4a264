import { CalibrationGraph, type CalibrationFact } from './calibration-graph.js';
import { reverseImpact } from './impact.js';
import { assertNoCycle, traceabilityChain } from './traceability.js';
import { deriveUsability, nextDueOn } from './usability.js';

let seq = 0;
function cal(id: string, equipmentId: string, calibratedOn: string, nextDue: string, over: Partial<CalibrationFact> = {}): CalibrationFact {
  seq += 1;
  return {
    id,
    equipmentId,
    certificateNumber: `C-${id}`,
    calibratedOn,
    nextDueOn: nextDue,
    calibratorKind: over.referenceCalibrationId ? 'internal' : 'nmi',
    calibratorName: over.referenceCalibrationId ? 'KTK' : 'VTT MIKES',
    accreditationId: null,
    referenceCalibrationId: null,
    externalTraceability: null,
    correctsId: null,
    recordedAt: String(seq).padStart(6, '0'),
    withdrawal: null,
    maxExpandedUncertainty: '0.05',
    uncertaintyUnit: 'µm',
    ...over,
  };
}

// REF (reference gauge blocks, NMI) <- GB (gauge block set, internal) <- MIC (micrometer, internal)
const facts = [
  cal('ref1', 'REF', '2022-01-10', '2024-01-10'),
  cal('ref2', 'REF', '2024-01-05', '2026-01-05'),
  cal('gb1', 'GB', '2023-03-01', '2024-03-01', { referenceCalibrationId: 'ref1' }),
  cal('gb2', 'GB', '2024-02-01', '2025-02-01', { referenceCalibrationId: 'ref2' }),
  cal('mic1', 'MIC', '2023-06-01', '2024-06-01', { referenceCalibrationId: 'gb1' }),
  cal('mic2', 'MIC', '2024-06-01', '2025-06-01', { referenceCalibrationId: 'gb2' }),
  cal('other', 'OTHER', '2023-01-01', '2024-01-01'),
];

describe('traceability chain', () => {
  const graph = new CalibrationGraph(facts);

  test('as of a past day it is the chain then in force, not today', () => {
    expect(traceabilityChain(graph, 'MIC', '2023-12-01').links.map((l) => l.calibration.id)).toEqual(['mic1', 'gb1', 'ref1']);
    const now = traceabilityChain(graph, 'MIC', '2024-12-01');
    expect(now.links.map((l) => l.calibration.id)).toEqual(['mic2', 'gb2', 'ref2']);
    expect(now).toMatchObject({ complete: true, flagged: false, terminatesAt: { kind: 'nmi', name: 'VTT MIKES' } });
  });

  test('links overdue when relied on, or withdrawn by the day, are flagged', () => {
    const late = new CalibrationGraph([...facts, cal('mic3', 'MIC', '2024-08-01', '2025-08-01', { referenceCalibrationId: 'gb1' })]);
    const chain = traceabilityChain(late, 'MIC', '2024-09-01');
    expect(chain.links.map((l) => [l.calibration.id, l.overdue])).toEqual([['mic3', false], ['gb1', true], ['ref1', false]]);
    expect(chain.flagged).toBe(true);
    const withdrawn = new CalibrationGraph(facts.map((f) => (f.id === 'gb2' ? { ...f, withdrawal: { kind: 'out_of_tolerance' as const, withdrawnOn: '2024-10-01', reason: 'x' } } : f)));
    expect(traceabilityChain(withdrawn, 'MIC', '2024-09-30').flagged).toBe(false);
    expect(traceabilityChain(withdrawn, 'MIC', '2024-10-01').links[1]).toMatchObject({ withdrawn: true });
  });

  test('a reference that was corrected is shown as corrected', () => {
    const g = new CalibrationGraph([...facts, cal('gb2c', 'GB', '2024-02-01', '2025-02-01', { referenceCalibrationId: 'ref2', correctsId: 'gb2' })]);
    expect(traceabilityChain(g, 'MIC', '2024-12-01').links[1]).toMatchObject({ calibration: { id: 'gb2c' }, corrected: true });
    expect(traceabilityChain(g, 'GB', '2024-12-01').links[0]!.calibration.id).toBe('gb2c');
  });

  test('no calibration in force gives an empty, flagged chain', () => {
    expect(traceabilityChain(graph, 'MIC', '2023-01-01')).toMatchObject({ links: [], complete: false, flagged: true });
  });

  test('a calibration whose reference rests on the item itself is a cycle', () => {
    expect(() => assertNoCycle(graph, 'REF', graph.byId.get('mic2')!)).toThrow(expect.objectContaining({ code: 'LIMS_TRACEABILITY_CYCLE' }));
    expect(() => assertNoCycle(graph, 'OTHER', graph.byId.get('mic2')!)).not.toThrow();
  });
});

describe('reverse impact', () => {
  const graph = new CalibrationGraph(facts);

  test('since a day: the calibrations made against the standard and everything made against them', () => {
    const impact = reverseImpact(graph, 'REF', '2024-01-01');
    expect(impact.calibrations.map((c) => [c.calibration.id, c.depth])).toEqual([['gb2', 1], ['mic2', 2]]);
    expect(impact.windows).toEqual([
      { equipmentId: 'REF', calibrationId: null, from: '2024-01-01', until: null },
      { equipmentId: 'GB', calibrationId: 'gb2', from: '2024-02-01', until: null },
      { equipmentId: 'MIC', calibrationId: 'mic2', from: '2024-06-01', until: null },
    ]);
  });

  test('an earlier day reaches the older chain too, with windows closed by the next calibration', () => {
    const impact = reverseImpact(graph, 'REF', '2022-01-01');
    expect(impact.calibrations.map((c) => c.calibration.id).sort()).toEqual(['gb1', 'gb2', 'mic1', 'mic2']);
    expect(impact.windows).toContainEqual({ equipmentId: 'GB', calibrationId: 'gb1', from: '2023-03-01', until: '2024-02-01' });
  });

  test('an item with no dependants affects only itself', () => {
    expect(reverseImpact(graph, 'MIC', '2020-01-01').calibrations).toEqual([]);
  });
});

describe('usability', () => {
  const graph = new CalibrationGraph(facts);
  const item = { id: 'MIC', requiresCalibration: true, status: 'in_service' as const };

  test('valid up to and including the due date, overdue the day after', () => {
    expect(deriveUsability(item, [], graph, [], '2025-06-01')).toMatchObject({ usable: true, calibration: { state: 'valid', calibrationId: 'mic2' } });
    expect(deriveUsability(item, [], graph, [], '2025-06-02')).toMatchObject({ usable: false, reasons: ['calibration_overdue'] });
  });

  test('quarantine as of its effective day, and a failed check since the calibration', () => {
    const events = [
      { status: 'in_service' as const, effectiveOn: '2023-01-01', recordedAt: '1' },
      { status: 'quarantined' as const, effectiveOn: '2024-07-01', recordedAt: '2' },
    ];
    expect(deriveUsability(item, events, graph, [], '2024-06-30').usable).toBe(true);
    expect(deriveUsability(item, events, graph, [], '2024-07-01')).toMatchObject({ usable: false, reasons: ['quarantined'], status: 'quarantined' });
    const checks = [{ checkedOn: '2024-06-15', result: 'fail' as const, recordedAt: '3' }];
    expect(deriveUsability(item, [], graph, checks, '2024-06-20').reasons).toEqual(['failed_intermediate_check']);
    expect(deriveUsability(item, [], graph, [...checks, { checkedOn: '2024-06-18', result: 'pass', recordedAt: '4' }], '2024-06-20').usable).toBe(true);
  });

  test('no calibration, or not required', () => {
    expect(deriveUsability(item, [], graph, [], '2020-01-01').reasons).toEqual(['no_calibration']);
    expect(deriveUsability({ ...item, requiresCalibration: false }, [], graph, [], '2020-01-01').usable).toBe(true);
  });

  test('next due date adds calendar months, clamped to the month end', () => {
    expect(nextDueOn('2024-01-31', 1)).toBe('2024-02-29');
    expect(nextDueOn('2024-06-15', 12)).toBe('2025-06-15');
    expect(nextDueOn('2024-11-30', 3)).toBe('2025-02-28');
  });
});
