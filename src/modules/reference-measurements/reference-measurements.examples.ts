/**
 * Realistic requests and answers for the OpenAPI document (Swagger UI at /docs) of a customer's
 * reference measurements: the company gives its own result of NAS 979 piece S-1 (machined on its
 * DMU 50), corrects it, and compares it with the lab's released values (difference, En, zeta); and
 * the trend of the machine tool over four yearly pieces. The numbers are what the service computes.
 */

const job = '5d7f9b1c-3e5a-4c7d-9f1b-3e5a7c9d1f81';
const item = '6e8a0c2d-4f6b-4d8e-8a0c-2d4f6b8e0a82';
const d1 = '7f9b1d3e-5a7c-4e9f-9b1d-3e5a7c9f1b83';
const f1 = '8a0c2e4f-6b8d-4f0a-8c2e-4f6b8d0a2c84';
const customerUser = '3c5e7a9b-0d1f-4a2c-9e4b-6d8f0a2c4e13';

/** POST /jobs/{id}/company-results bodies: a diameter with the company's uncertainty; a flatness in µm without one. */
export const companyResultExamples = [
  { characteristicId: d1, values: ['108.004', '108.006'], unit: 'mm', expandedUncertainty: '0.004', coverageFactor: '2', measuredOn: '2026-11-20', remarks: 'Zeiss Contura, program NAS979' },
  { characteristicId: f1, values: ['3', '5'], unit: 'µm', measuredOn: '2026-11-20' },
];

/** POST /company-results/{id}/corrections body. */
export const correctionExamples = [{ values: ['108.005'], unit: 'mm', expandedUncertainty: '0.004', reason: 'Wrong probe qualification in the first run' }];

const first = {
  id: '9b1d3f5a-7c9e-4a1b-9d3f-5a7c9e1b3d85',
  jobId: job,
  itemId: item,
  characteristicId: d1,
  values: ['108.004', '108.006'],
  unit: 'mm',
  expandedUncertainty: '0.004',
  coverageFactor: '2',
  measuredOn: '2026-11-20',
  remarks: 'Zeiss Contura, program NAS979',
  correctsId: null,
  correctionReason: null,
  correctedById: null,
  current: true,
  recordedBy: customerUser,
  createdAt: '2026-11-20T13:02:00.000Z',
};
const correction = {
  ...first,
  id: '0c2e4a6b-8d0f-4b2c-8e4a-6b8d0f2c4e86',
  values: ['108.005'],
  measuredOn: null,
  remarks: null,
  correctsId: first.id,
  correctionReason: 'Wrong probe qualification in the first run',
  createdAt: '2026-11-23T07:45:00.000Z',
};
const flatness = { ...first, id: '1d3f5b7c-9e1a-4c3d-9f5b-7c9e1a3d5f87', characteristicId: f1, values: ['3', '5'], unit: 'µm', expandedUncertainty: null, coverageFactor: null, remarks: null, createdAt: '2026-11-20T13:04:00.000Z' };

/** The answers to giving a result and to correcting one. */
export const companyResultAnswerExamples = [first];
export const correctionAnswerExamples = [correction];

/** GET /jobs/{id}/company-results: the corrected result stays, pointing to its correction. */
export const companyResultListExamples = [{ items: [{ ...first, current: false, correctedById: correction.id }, correction, flatness]}];

const row = { itemId: item, itemLineNo: 1 };
/** GET /jobs/{id}/comparison after the lab released the piece's results. */
export const comparisonExamples = [
  {
    jobId: job,
    jobNumber: 'T-2026-00063',
    status: 'in_measurement',
    rows: [
      {
        ...row,
        characteristicId: d1,
        identifier: 'D1',
        nominal: '108.000',
        unit: 'mm',
        company: { resultId: correction.id, value: '108.005', values: 1, expandedUncertainty: '0.004', coverageFactor: 2 },
        lab: { resultId: '2e4a6c8d-0f2b-4d4e-8a6c-8d0f2b4e6a88', value: '108.0011', readings: 2, released: true, expandedUncertainty: '0.0016', coverageFactor: 2, uncertaintySource: 'stated' },
        status: 'compared',
        difference: '0.0039',
        en: 0.9052647736134919,
        zeta: 1.8105295472269838,
        verdict: 'satisfactory',
        zetaVerdict: 'satisfactory',
        requiredExpandedUncertainty: null,
      },
      {
        ...row,
        characteristicId: f1,
        identifier: 'F1',
        nominal: null,
        unit: 'mm',
        company: { resultId: flatness.id, value: '0.004', values: 2, expandedUncertainty: null, coverageFactor: null },
        lab: { resultId: '3f5b7d9e-1a3c-4e5f-9b7d-9e1a3c5f7b89', value: '0.0030', readings: 1, released: true, expandedUncertainty: '0.0006', coverageFactor: 2, uncertaintySource: 'stated' },
        status: 'company_uncertainty_missing',
        difference: '0.0010',
        en: null,
        zeta: null,
        verdict: null,
        zetaVerdict: null,
        requiredExpandedUncertainty: 0.0008,
      },
    ],
  },
];

const pieceIds = ['4a6c8e0f-2b4d-4f6a-8c8e-0f2b4d6a8c91', '5b7d9f1a-3c5e-4a7b-9d9f-1a3c5e7b9d92', '6c8e0a2b-4d6f-4b8c-8e0a-2b4d6f8c0e93', '7d9f1b3c-5e7a-4c9d-9f1b-3c5e7a9d1f94'];
const days = ['2022-03-01', '2023-03-01', '2024-03-01', '2025-03-01'];
const points = (nominal: string, measured: string[]) =>
  measured.map((value, i) => ({ itemId: pieceIds[i]!, manufacturedOn: days[i]!, nominal, measured: value, deviation: (Number(value) - Number(nominal)).toFixed(3), standardUncertainty: null }));
const ordinary = { method: 'ordinary', degreesOfFreedom: 2, uncertaintyBasis: 'residualScatter' };

/** GET /machine-tools/{id}/trend: NAS 979 pieces machined a year apart; the diameter drifts about 2.2 µm a year. */
export const trendExamples = [
  {
    machineTool: { id: '3b5d7f9a-1c3e-4a5b-8d7f-9a1c3e5b7d71', companyId: '6f1d0c8a-2b1e-4d7f-8a31-0c2e5b9d4a11', name: 'DMU 50 #2' },
    series: [
      {
        testPiece: { id: '6a8c0e2f-4b6d-4f8a-9c0e-2f4b6d8a0c61', code: 'NAS979-A', name: 'NAS 979 circle-diamond-square test piece, 5-axis', kind: 'nas' },
        pieces: pieceIds.map((itemId, i) => ({ itemId, jobId: `8e0a2c4d-6f8b-4d0e-8a2c-4d6f8b0e2a9${i}`, jobNumber: `T-${2022 + i}-000${14 + i}`, serialNumber: `T-${i + 1}`, manufacturedOn: days[i]!, released: true })),
        characteristics: [
          {
            identifier: 'D1',
            unit: 'mm',
            points: points('108.000', ['108.001', '108.004', '108.005', '108.008']),
            analysis: {
              n: 4,
              referenceDate: '2022-03-01',
              trend: { ...ordinary, driftPerYear: 0.0021988773730987855, driftStandardUncertainty: 0.00028357763807375754, intercept: 0.0012009314155836492, residualStandardDeviation: 0.0006343593808704974 },
              notes: [],
            },
          },
          {
            identifier: 'F1',
            unit: 'mm',
            points: points('0', ['0.003', '0.003', '0.003', '0.003']),
            analysis: { n: 4, referenceDate: '2022-03-01', trend: { ...ordinary, driftPerYear: 0, driftStandardUncertainty: 0, intercept: 0.003, residualStandardDeviation: 0 }, notes: [] },
          },
        ],
      },
    ],
  },
];
