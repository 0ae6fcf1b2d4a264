import { outputDifferences } from './output-comparison.js';

describe('comparing stored outputs with a re-run', () => {
  test('identical outputs, whatever the key order, have no differences', () => {
    expect(outputDifferences({ a: 1, b: [{ x: 0.1, y: 'k' }] }, { b: [{ y: 'k', x: 0.1 }], a: 1 })).toEqual([]);
  });

  test('differences are named by their JSON path', () => {
    const stored = { gum: { estimate: 1, budget: [{ sensitivity: 1 }, { sensitivity: 2 }] }, warnings: [] };
    const rerun = { gum: { estimate: 1, budget: [{ sensitivity: 1 }, { sensitivity: 2.5 }] }, warnings: ['new'], mcm: { seed: 3 } };
    expect(outputDifferences(stored, rerun)).toEqual([
      { path: 'gum.budget[1].sensitivity', stored: 2, rerun: 2.5 },
      { path: 'mcm', stored: null, rerun: { seed: 3 } },
      { path: 'warnings.length', stored: 0, rerun: 1 },
    ]);
  });
});
