/**
 * Realistic requests and answers for the OpenAPI document (Swagger UI at /docs) of a customer's
 * machine tools, whose test pieces the lab measures (manufacturing reference measurements).
 */

const company = '6f1d0c8a-2b1e-4d7f-8a31-0c2e5b9d4a11';

/** POST /machine-tools bodies: a 5-axis machining centre in full, and a lathe with its name only. */
export const createMachineToolExamples = [
  { name: 'DMU 50 #2', manufacturer: 'DMG Mori', model: 'DMU 50 3rd gen.', serialNumber: '12345678', location: 'Hall B, cell 4', notes: 'Spindle replaced 2025-10' },
  { name: 'Okuma LB3000 EX II' },
];

/** PATCH /machine-tools/{id} bodies. */
export const updateMachineToolExamples = [{ location: 'Hall C, cell 1' }, { notes: null, serialNumber: '12345678-B' }];

const dmu50 = {
  id: '3b5d7f9a-1c3e-4a5b-8d7f-9a1c3e5b7d71',
  companyId: company,
  name: 'DMU 50 #2',
  manufacturer: 'DMG Mori',
  model: 'DMU 50 3rd gen.',
  serialNumber: '12345678',
  location: 'Hall B, cell 4',
  notes: 'Spindle replaced 2025-10',
  createdAt: '2026-02-02T07:30:00.000Z',
  updatedAt: '2026-02-02T07:30:00.000Z',
};

const lathe = { ...dmu50, id: '4c6e8a0b-2d4f-4b6c-9e8a-0b2d4f6c8e72', name: 'Okuma LB3000 EX II', manufacturer: null, model: null, serialNumber: null, location: null, notes: null, createdAt: '2026-06-15T12:00:00.000Z', updatedAt: '2026-06-15T12:00:00.000Z' };

/** GET /machine-tools/{id} and the answer to registering one. */
export const machineToolExamples = [dmu50, lathe];

/** The answer to a change. */
export const updatedMachineToolExamples = [{ ...dmu50, location: 'Hall C, cell 1', updatedAt: '2026-11-24T09:05:00.000Z' }];

/** GET /machine-tools: the company's machines by name. */
export const machineToolListExamples = [{ items: [dmu50, lathe] }];
