/**
 * Realistic answers for the OpenAPI document (Swagger UI at /docs): what a customer reads of its job's
 * results. The ids are fixed so that the examples refer to each other like real records do.
 */

/** Balloon 12 of the shaft as first typed; the example corrects it. */
const diameter12 = {
  id: 'c2e4a6b8-1d3f-4a5c-8e7a-3b5d7f9a1c21',
  summary: null,
  characteristic: { id: '8b0d2f4a-5c7e-4f9b-8d3e-1b3d5f7b9d16', identifier: '12' },
  calibrationPoint: null,
  measuredAt: '2026-03-02T07:15:00.000Z',
  environment: { temperature: '20.2', humidity: '45' },
  deviation: null,
  readings: [
    { repeat: 1, value: '25.0110', unit: 'mm' },
    { repeat: 2, value: '25.0121', unit: 'mm' },
  ],
  current: true,
  correctsId: null,
  correctionReason: null,
  correctedById: null,
};

const shaftJob = {
  jobId: '0b5f3c1e-6a43-4f5e-9a57-5f0d1c2b7e10',
  number: 'T-2026-00042',
  status: 'results_under_review',
  items: [
    {
      itemId: '7a9c1e3f-4b6d-4e8a-9c2d-0a2c4e6a8c15',
      lineNo: 1,
      description: 'Shaft 40-123, rev. C',
      state: 'released',
      releasedAt: '2026-03-02T13:40:00.000Z',
      results: [
        { ...diameter12, current: false, correctedById: 'd3f5b7c9-2e4a-4b6d-9f8b-4c6e8a0b2d22' },
        {
          ...diameter12,
          id: 'd3f5b7c9-2e4a-4b6d-9f8b-4c6e8a0b2d22',
          readings: [
            { repeat: 1, value: '25.0110', unit: 'mm' },
            { repeat: 2, value: '25.0112', unit: 'mm' },
          ],
          correctsId: 'c2e4a6b8-1d3f-4a5c-8e7a-3b5d7f9a1c21',
          correctionReason: 'Second repeat was typed with digits swapped',
          summary: {
            mean: { value: '25.0111', unit: 'mm' },
            value: { value: '25.0111', unit: 'mm' },
            referenceValue: null,
            deviation: { value: '0.0111', unit: 'mm' },
            uncertainty: { expanded: '0.0012', unit: 'mm', coverageFactor: 2, coverageProbability: 0.9545, method: 'gum', effectiveDof: null, interval: null },
            conformity: { decision: 'pass', rule: 'guarded_acceptance', probabilityOfConformity: 0.9987, basis: 'tolerance' },
            accredited: true,
          },
        },
        {
          id: 'e4a6c8d0-3f5b-4c7e-8a9c-5d7f9b1c3e23',
          summary: {
            mean: { value: '0.0042', unit: 'mm' },
            value: { value: '0.0042', unit: 'mm' },
            referenceValue: null,
            deviation: null,
            uncertainty: { expanded: '0.0015', unit: 'mm', coverageFactor: 2, coverageProbability: 0.9545, method: 'gum', effectiveDof: null, interval: null },
            conformity: { decision: 'pass', rule: 'guarded_acceptance', probabilityOfConformity: 0.9999, basis: 'tolerance' },
            accredited: true,
          },
          characteristic: { id: '9c1e3a5b-6d8f-4a0c-9e4f-2c4e6a8c0e17', identifier: '13' },
          calibrationPoint: null,
          measuredAt: '2026-03-02T07:40:00.000Z',
          environment: { temperature: '20.6', humidity: '46' },
          deviation: {
            justification: 'Air conditioning failed; part soaked 4 h at room temperature before measuring',
            violations: [{ quantity: 'temperature', reading: '20.6', lower: '19.5', upper: '20.5', kind: 'above' }],
          },
          readings: [{ repeat: 1, value: '0.0042', unit: 'mm' }],
          current: true,
          correctsId: null,
          correctionReason: null,
          correctedById: null,
        },
      ],
    },
    { itemId: 'f5b7d9e1-4a6c-4d8f-9b0d-6e8a0c2d4f24', lineNo: 2, description: 'Shaft 40-123, rev. C, second piece', state: 'pending', releasedAt: null, results: [] },
  ],
};

const micrometerJob = {
  jobId: '1c6a4d2f-7b54-4a6f-8b68-6a1e2d3c8f31',
  number: 'T-2026-00057',
  status: 'reported',
  items: [
    {
      itemId: '2d7b5e3a-8c65-4b7a-9c79-7b2f3e4d9a32',
      lineNo: 1,
      description: 'Micrometer 0–25 mm, Mitutoyo 103-137, s/n 7012345',
      state: 'released',
      releasedAt: '2026-04-14T11:05:00.000Z',
      results: ['5', '12.5', '25'].map((nominal, i) => ({
        id: `3e8c6f4b-9d76-4c8b-8d8a-8c3a4f5e0b4${i}`,
        summary: {
          mean: { value: ['5.0010', '12.5005', '25.0005'][i]!, unit: 'mm' },
          value: { value: ['5.0010', '12.5005', '25.0005'][i]!, unit: 'mm' },
          referenceValue: { value: nominal, unit: 'mm' },
          deviation: { value: ['0.0010', '0.0005', '0.0005'][i]!, unit: 'mm' },
          uncertainty: { expanded: '0.0012', unit: 'mm', coverageFactor: 2, coverageProbability: 0.9545, method: 'gum' as const, effectiveDof: null, interval: null },
          conformity: { decision: 'pass' as const, rule: 'simple_acceptance', probabilityOfConformity: null, basis: 'mpe' as const },
          accredited: true,
        },
        characteristic: null,
        calibrationPoint: { nominal, unit: 'mm' },
        measuredAt: `2026-04-14T0${7 + i}:30:00.000Z`,
        environment: { temperature: '20.1', humidity: '41' },
        deviation: null,
        readings: [
          { repeat: 1, value: ['5.001', '12.501', '25.000'][i]!, unit: 'mm' },
          { repeat: 2, value: ['5.001', '12.500', '25.001'][i]!, unit: 'mm' },
        ],
        current: true,
        correctsId: null,
        correctionReason: null,
        correctedById: null,
      })),
    },
  ],
};

export const customerJobResultsExamples = [shaftJob, micrometerJob];
