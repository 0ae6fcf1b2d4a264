/**
 * Realistic requests and answers for the OpenAPI document (Swagger UI at /docs) of the routes a
 * customer uses: submission, items, characteristics, the job list and a job. Ids are fixed so that
 * the examples refer to each other as real records do.
 */

const ids = {
  company: '6f1d0c8a-2b1e-4d7f-8a31-0c2e5b9d4a11',
  agreement: '9a7e5c3b-1d2f-4e6a-8b0c-2d4f6a8c0e12',
  customerUser: '3c5e7a9b-0d1f-4a2c-9e4b-6d8f0a2c4e13',
  qm: '5e7a9c1d-2f4b-4c6e-8a0b-8f0a2c4e6a14',
};

export const diameter = { identifier: '12', type: 'diameter', nominal: '25.000', unit: 'mm', tolerance: { kind: 'deviations', upper: '0.021', lower: '0' } };
const length = { identifier: '14', type: 'length', nominal: '120.0', unit: 'mm', tolerance: { kind: 'symmetric', value: '0.05' } };
const runout = { identifier: '13', type: 'runout', unit: 'mm', tolerance: { kind: 'geometric', value: '0.010' }, datums: ['A', 'B'], notes: 'Radial runout' };
const cylindricity = { identifier: '15', type: 'cylindricity', unit: 'mm', tolerance: { kind: 'geometric', value: '0.005' } };

export const shaft = { description: 'Shaft 40-123, rev. C', characteristics: [diameter, length] };
export const micrometer = {
  description: 'Micrometer 0–25 mm',
  instrument: { type: 'Outside micrometer', manufacturer: 'Mitutoyo', model: '103-137', serialNumber: '7012345', measuringRange: { lower: '0', upper: '25', unit: 'mm' }, resolution: '0.001', mpe: '±2 µm', service: 'accredited_calibration' },
};
const dialGauge = {
  description: 'Dial gauge 0–10 mm',
  instrument: { type: 'Dial gauge', manufacturer: 'Käfer', serialNumber: 'K-88121', measuringRange: { lower: '0', upper: '10', unit: 'mm' }, resolution: '0.01', service: 'inspection' },
};
const nasPiece = {
  description: 'NAS 979 test piece machined on the DMU 50, 2026-02',
  characteristics: [
    { identifier: 'C1', type: 'diameter', nominal: '108.000', unit: 'mm', tolerance: { kind: 'symmetric', value: '0.015' } },
    { identifier: 'C1-R', type: 'roundness', unit: 'mm', tolerance: { kind: 'geometric', value: '0.010' } },
    { identifier: 'P1', type: 'flatness', unit: 'mm', tolerance: { kind: 'geometric', value: '0.012' } },
  ],
};

/** POST /jobs bodies: a customer's product job, an instrument calibration, a reference measurement. */
export const submitExamples = [
  { kind: 'product_quality_control', customerReference: 'PO 4500123', notes: 'Drawing 40-123 rev. C attached to the order e-mail', items: [shaft] },
  { kind: 'instrument_calibration', customerReference: 'PO 4500177', items: [micrometer, dialGauge] },
  { kind: 'reference_measurement', customerReference: 'DMU 50 yearly check', items: [nasPiece] },
];

/** POST /jobs/{id}/cancel bodies: the reason, kept with the job and in the audit trail. */
export const cancelExamples = [{ reason: 'Order placed twice; PO 4500123 continues as T-2026-00041' }, { reason: 'Drawing 40-123 rev. C was superseded by rev. D before the parts were sent' }];

/** POST /jobs/{id}/items bodies: a piece with its characteristics, or an instrument. */
export const itemExamples = [shaft, micrometer];

/** POST /jobs/{id}/items/{itemId}/characteristics bodies. */
export const characteristicsExamples = [{ characteristics: [runout, cylindricity] }, { characteristics: [length] }];

const timestamps = (created: string, updated = created) => ({ createdAt: created, updatedAt: updated });
const withIds = (item: { description: string; characteristics?: object[] }, id: string, lineNo: number, characteristicIds: string[] = []) => ({
  id,
  lineNo,
  description: item.description,
  instrument: null,
  characteristics: (item.characteristics ?? []).map((c, i) => ({ datums: [], notes: null, qifId: null, ...c, nominal: (c as { nominal?: string }).nominal ?? null, id: characteristicIds[i]! })),
});

const submitted = {
  id: '0b5f3c1e-6a43-4f5e-9a57-5f0d1c2b7e10',
  number: 'T-2026-00042',
  companyId: ids.company,
  kind: 'product_quality_control',
  status: 'submitted',
  agreementId: ids.agreement,
  customerReference: 'PO 4500123',
  notes: 'Drawing 40-123 rev. C attached to the order e-mail',
  submittedBy: ids.customerUser,
  contractReview: null,
  receipt: null,
  statusReason: null,
  allowedActions: ['cancel'],
  ...timestamps('2026-02-23T08:12:00.000Z'),
  items: [withIds(shaft, '7a9c1e3f-4b6d-4e8a-9c2d-0a2c4e6a8c15', 1, ['8b0d2f4a-5c7e-4f9b-8d3e-1b3d5f7b9d16', '9c1e3a5b-6d8f-4a0c-9e4f-2c4e6a8c0e17'])],
};

const accepted = {
  ...submitted,
  status: 'accepted',
  contractReview: {
    method: 'KTK-M-012 CMM measurement of prismatic parts',
    decisionRule: 'guarded_acceptance',
    decisionRuleNotes: null,
    price: '450.00',
    deliveryDate: '2026-03-09',
    reviewedBy: ids.qm,
    reviewedAt: '2026-02-24T09:15:00.000Z',
  },
  allowedActions: [],
  ...timestamps('2026-02-23T08:12:00.000Z', '2026-02-24T09:15:00.000Z'),
};

const calibrationInMeasurement = {
  id: '1c6a4d2f-7b54-4a6f-8b68-6a1e2d3c8f31',
  number: 'T-2026-00057',
  companyId: ids.company,
  kind: 'instrument_calibration',
  status: 'in_measurement',
  agreementId: ids.agreement,
  customerReference: 'PO 4500177',
  notes: null,
  submittedBy: ids.customerUser,
  contractReview: { method: 'KTK-K-003 Calibration of micrometers and dial gauges', decisionRule: 'simple_acceptance', decisionRuleNotes: null, price: '180.00', deliveryDate: '2026-04-20', reviewedBy: ids.qm, reviewedAt: '2026-04-08T10:02:00.000Z' },
  receipt: { receivedOn: '2026-04-13', condition: 'In original cases, clean', remarks: 'Dial gauge bezel slightly loose' },
  statusReason: null,
  allowedActions: [],
  ...timestamps('2026-04-07T14:30:00.000Z', '2026-04-14T06:45:00.000Z'),
  items: [
    { id: '2d7b5e3a-8c65-4b7a-9c79-7b2f3e4d9a32', lineNo: 1, description: micrometer.description, instrument: micrometer.instrument, characteristics: [] },
    { id: '4f9d7a5c-0e87-4d9c-8e9b-9d4b5f6e1c33', lineNo: 2, description: dialGauge.description, instrument: dialGauge.instrument, characteristics: [] },
  ],
};

/** Jobs as the customer reads them (GET /jobs/{id}, and the answers of submission and of adding items). */
export const jobExamples = [submitted, accepted, calibrationInMeasurement];

/** GET /jobs: a page of the customer's jobs, newest first. */
export const jobPageExamples = [{ items: [calibrationInMeasurement, accepted], total: 2, limit: 20, offset: 0 }];
