/** Realistic answers for the OpenAPI document: an issued calibration certificate with its English companion and DCC. */
const sha = (c: string) => c.repeat(64);

export const issuedCertificate = {
  id: '5a1c3e5f-7b9d-4f1a-8c3e-5a7c9e1b3d51',
  jobId: '1c6a4d2f-7b54-4a6f-8b68-6a1e2d3c8f31',
  companyId: '6b2d4f6a-8c0e-4a2b-9d4f-6b8d0f2c4e62',
  type: 'calibration_certificate',
  state: 'issued',
  number: 'K-2026-0001',
  languages: ['fi', 'en'],
  itemIds: ['2d7b5e3a-8c65-4b7a-9c79-7b2f3e4d9a32'],
  supersedes: null,
  supersededBy: null,
  issuedAt: '2026-04-15T09:12:00.000Z',
  signature: {
    signerId: '7c3e5a7b-9d1f-4b3c-8e5a-7c9e1a3d5f73',
    name: 'Laura Laatu',
    function: 'quality_manager',
    signedAt: '2026-04-15T09:12:00.000Z',
    meaning: 'Hyväksytty julkaistavaksi / Approved for issue',
    authentication: 'password',
    files: [
      { kind: 'pdf', language: 'fi', sha256: sha('a') },
      { kind: 'pdf', language: 'en', sha256: sha('b') },
      { kind: 'dcc', language: 'fi', sha256: sha('c') },
    ],
  },
  revokedAt: null,
  revocationReason: null,
  files: [
    { kind: 'pdf', language: 'fi', original: true, mediaType: 'application/pdf', sha256: sha('a'), size: 61234 },
    { kind: 'dcc', language: 'fi', original: true, mediaType: 'application/xml', sha256: sha('c'), size: 18211 },
    { kind: 'pdf', language: 'en', original: false, mediaType: 'application/pdf', sha256: sha('b'), size: 60877 },
  ],
  createdAt: '2026-04-15T08:40:00.000Z',
};

export const documentListExample = { items: [issuedCertificate], nextCursor: null };
