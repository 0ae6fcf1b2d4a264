/**
 * Realistic answers for the OpenAPI document (Swagger UI at /docs) of a job's files as a customer
 * uploads and reads them: the drawing of shaft 40-123 as PDF and its STEP AP242 model, the model's
 * first revision superseded by the second.
 */

const job = '0b5f3c1e-6a43-4f5e-9a57-5f0d1c2b7e10';
const company = '6f1d0c8a-2b1e-4d7f-8a31-0c2e5b9d4a11';

/** The upload form: what each part is, in the order to send them (the file last). */
export const uploadFormDescription =
  'A multipart/form-data form: the text fields first (category, and optionally confidential, description, supersedes), then the file as the last part, ' +
  'with its file name, e.g. `Content-Disposition: form-data; name="file"; filename="40-123_C.stp"`. The type is detected from the content, not from the name.';

const drawing = {
  id: 'a0c2e4f6-8b0d-4f2a-9c4e-6f8b0d2a4c01',
  jobId: job,
  companyId: company,
  category: 'drawing',
  confidential: true,
  description: 'Drawing 40-123 rev. C',
  fileName: '40-123_C.pdf',
  format: 'pdf',
  mediaType: 'application/pdf',
  declaredMediaType: 'application/pdf',
  formatDetails: { version: '1.7' },
  sizeBytes: 248311,
  sha256: '9dbab541e6a6aed5ed59de89675db15d4a1b3e16c2a46ae4166a8069f58fb049',
  revision: 1,
  supersedesId: null,
  supersededById: null,
  current: true,
  uploadedBy: null,
  uploadedAt: '2026-02-23T08:14:00.000Z',
  warnings: [],
};

const modelRevision1 = {
  ...drawing,
  id: 'b1d3f5a7-9c1e-4a3b-8d5f-7a9c1e3b5d02',
  category: 'pmi',
  description: 'CAD model with PMI',
  fileName: '40-123_C.stp',
  format: 'step',
  mediaType: 'model/step',
  declaredMediaType: 'application/octet-stream',
  formatDetails: { applicationProtocol: 'AP242', schemas: ['AP242_MANAGED_MODEL_BASED_3D_ENGINEERING_MIM_LF { 1 0 10303 442 1 1 4 }'], fileName: '40-123_C.stp', timeStamp: '2026-02-20T14:03:11', originatingSystem: 'NX 2306' },
  sizeBytes: 3815220,
  sha256: '4e07408562bedb8b60ce05c1decfe3ad16b72230967de01f640b7e4729b49fce',
  supersededById: 'c2e4a6b8-0d2f-4b4c-9e6a-8b0d2f4c6e03',
  current: false,
  uploadedAt: '2026-02-23T08:16:00.000Z',
};

const modelRevision2 = {
  ...modelRevision1,
  id: 'c2e4a6b8-0d2f-4b4c-9e6a-8b0d2f4c6e03',
  description: 'CAD model with PMI, bearing seat tolerance corrected',
  sizeBytes: 3816004,
  sha256: 'd7a8fbb307d7809469ca9abcb0082e4f8d5651e46d3cdb762d02d0bf37c9e592',
  revision: 2,
  supersedesId: modelRevision1.id,
  supersededById: null,
  current: true,
  uploadedAt: '2026-02-24T06:50:00.000Z',
};

/** The answer to an upload and GET /attachments/{id}. */
export const attachmentExamples = [drawing, modelRevision2];

/** GET /jobs/{jobId}/attachments: in upload order, the superseded revision included and marked. */
export const attachmentListExamples = [{ items: [drawing, modelRevision1, modelRevision2] }];
