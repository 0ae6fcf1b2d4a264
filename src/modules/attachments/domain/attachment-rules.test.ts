import { assertDeleteAllowed, assertUploadAllowed, contentDisposition, revisions } from './attachment-rules.js';

const job = (status: string) => ({ number: 'T-2026-00001', status }) as Parameters<typeof assertUploadAllowed>[1];
const codeOf = (fn: () => void): string | null => {
  try {
    fn();
    return null;
  } catch (err) {
    return (err as { code: string }).code;
  }
};

describe('who adds files when', () => {
  test.each([
    // role, state, supersedes, refusal
    ['customer', 'submitted', false, null],
    ['customer', 'submitted', true, null],
    ['customer', 'accepted', false, 'LIMS_ATTACHMENT_JOB_ACCEPTED'],
    ['customer', 'in_measurement', true, null],
    ['customer', 'reported', true, 'LIMS_ATTACHMENT_JOB_ACCEPTED'],
    ['technician', 'in_measurement', false, null],
    ['quality_manager', 'reported', false, null],
    ['admin', 'closed', false, 'LIMS_ATTACHMENT_JOB_CLOSED'],
    ['customer', 'cancelled', true, 'LIMS_ATTACHMENT_JOB_CLOSED'],
    ['quality_manager', 'rejected', false, 'LIMS_ATTACHMENT_JOB_CLOSED'],
  ] as const)('%s on a %s job (revision: %s): %s', (role, state, supersedes, refusal) => {
    expect(codeOf(() => assertUploadAllowed(role, job(state), supersedes))).toBe(refusal);
  });

  test('the refusal after acceptance tells the customer to upload a revision', () => {
    expect(() => assertUploadAllowed('customer', job('accepted'), false)).toThrow(/new revision .*supersedes/);
  });
});

describe('deleting', () => {
  test('only while the job is submitted, and never a file that has a newer revision', () => {
    expect(codeOf(() => assertDeleteAllowed(job('submitted'), 'a', null))).toBeNull();
    expect(() => assertDeleteAllowed(job('accepted'), 'a', null)).toThrow(/cannot be deleted. Upload .* supersedes = a/);
    expect(codeOf(() => assertDeleteAllowed(job('submitted'), 'a', 'b'))).toBe('LIMS_ATTACHMENT_SUPERSEDED');
  });
});

test('revision numbers follow the supersedes chain', () => {
  const info = revisions([
    { id: 'a', supersedesId: null },
    { id: 'b', supersedesId: 'a' },
    { id: 'c', supersedesId: 'b' },
    { id: 'd', supersedesId: null },
  ]);
  expect(Object.fromEntries(info)).toEqual({
    a: { revision: 1, supersededById: 'b' },
    b: { revision: 2, supersededById: 'c' },
    c: { revision: 3, supersededById: null },
    d: { revision: 1, supersededById: null },
  });
});

test('Content-Disposition keeps the exact name and gives an ASCII fallback', () => {
  expect(contentDisposition('Kiinnike "A" – rev 2.pdf')).toBe(`attachment; filename="Kiinnike _A_ _ rev 2.pdf"; filename*=UTF-8''Kiinnike%20%22A%22%20%E2%80%93%20rev%202.pdf`);
});
