/** JSON schemas of the audit trail's requests and answers. */

export const eventSchema = {
  type: 'object',
  required: ['seq', 'occurredAt', 'actorUserId', 'actorRole', 'action', 'entityType', 'entityId', 'before', 'after', 'reason', 'requestId', 'prevHash', 'hash'],
  properties: {
    seq: { type: 'integer' },
    occurredAt: { type: 'string', format: 'date-time' },
    actorUserId: { type: 'string', nullable: true },
    actorRole: { type: 'string' },
    action: { type: 'string', example: 'user.create' },
    entityType: { type: 'string' },
    entityId: { type: 'string' },
    before: { nullable: true, description: 'The entity before the change (JSON)' },
    after: { nullable: true, description: 'The entity after the change (JSON)' },
    reason: { type: 'string', nullable: true },
    requestId: { type: 'string', nullable: true },
    prevHash: { type: 'string' },
    hash: { type: 'string', description: 'SHA-256 over prevHash and the canonical JSON of the event' },
  },
} as const;

export const listQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    entityType: { type: 'string', maxLength: 100 },
    entityId: { type: 'string', maxLength: 200 },
    actorUserId: { type: 'string', format: 'uuid' },
    from: { type: 'string', format: 'date-time' },
    to: { type: 'string', format: 'date-time' },
    limit: { type: 'integer', minimum: 1, maximum: 500, default: 50 },
    cursor: { type: 'string', maxLength: 100, description: 'nextCursor of the previous page' },
  },
} as const;

export const eventPage = {
  type: 'object',
  required: ['items', 'nextCursor'],
  properties: { items: { type: 'array', items: eventSchema }, nextCursor: { type: 'string', nullable: true } },
} as const;

const keyId = { type: 'string', pattern: '^[0-9a-f]{64}$', description: 'SHA-256 (hex) of the public key in SPKI DER' } as const;

export const checkpointSchema = {
  type: 'object',
  required: ['id', 'seq', 'hash', 'createdAt', 'keyId', 'signature'],
  properties: {
    id: { type: 'integer' },
    seq: { type: 'integer', description: 'The last event the checkpoint covers (0: the trail was empty)' },
    hash: { type: 'string', description: "That event's hash" },
    createdAt: { type: 'string', format: 'date-time' },
    keyId,
    signature: {
      type: 'string',
      description: 'Ed25519 signature (base64) of the four lines "ktk-lims audit checkpoint v1", seq, hash and createdAt (ISO 8601 UTC with milliseconds) joined by \\n',
    },
  },
} as const;

export const checkpointListQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    limit: { type: 'integer', minimum: 1, maximum: 500, default: 50 },
    cursor: { type: 'string', maxLength: 100, description: 'nextCursor of the previous page' },
  },
} as const;

export const checkpointPage = {
  type: 'object',
  required: ['keyId', 'publicKeyPem', 'items', 'nextCursor'],
  properties: {
    keyId: { ...keyId, nullable: true, description: 'The configured key (null: no signing key is configured)' },
    publicKeyPem: { type: 'string', nullable: true, description: 'The public key that verifies the checkpoints of keyId (SPKI PEM)' },
    items: { type: 'array', items: checkpointSchema },
    nextCursor: { type: 'string', nullable: true },
  },
} as const;

export const publicKeySchema = {
  type: 'object',
  required: ['algorithm', 'keyId', 'publicKeyPem'],
  properties: { algorithm: { type: 'string', enum: ['Ed25519'] }, keyId, publicKeyPem: { type: 'string' } },
} as const;

const problemSchema = {
  type: 'object',
  required: ['checkpointId', 'seq', 'kind', 'detail'],
  properties: {
    checkpointId: { type: 'integer' },
    seq: { type: 'integer' },
    kind: { type: 'string', enum: ['truncated', 'missing', 'rewritten', 'bad signature'] },
    detail: { type: 'string' },
  },
} as const;

export const verifyResult = {
  type: 'object',
  required: ['intact', 'eventsChecked', 'lastSeq', 'firstBrokenSeq', 'reason', 'checkpoints'],
  properties: {
    intact: { type: 'boolean', description: 'The chain links up and no signed checkpoint contradicts it' },
    eventsChecked: { type: 'integer' },
    lastSeq: { type: 'integer', description: 'The last event known to be intact' },
    firstBrokenSeq: { type: 'integer', nullable: true },
    reason: { type: 'string', nullable: true },
    checkpoints: {
      type: 'object',
      required: ['status', 'keyId', 'checked', 'otherKeys', 'latestSeq', 'latestAt', 'truncated', 'rewritten', 'badSignatures', 'problems'],
      properties: {
        status: {
          type: 'string',
          enum: ['not configured', 'none', 'consistent', 'inconsistent'],
          description: '`not configured`: no signing key, so truncation and rewriting cannot be detected; `none`: no checkpoint signed with the key yet',
        },
        keyId: { ...keyId, nullable: true },
        checked: { type: 'integer', description: 'Checkpoints signed with the configured key and compared with the trail' },
        otherKeys: { type: 'integer', description: 'Checkpoints of another key id (an earlier key), not checked' },
        latestSeq: { type: 'integer', nullable: true, description: 'The latest checkpoint that verifies and matches the trail' },
        latestAt: { type: 'string', format: 'date-time', nullable: true },
        truncated: { type: 'boolean', description: 'The trail ends before an event a checkpoint signed: events were removed from its end' },
        rewritten: { type: 'boolean', description: 'An event a checkpoint signed has another hash now: the trail was rewritten and rehashed' },
        badSignatures: { type: 'integer', description: 'Checkpoints of the configured key id whose signature does not verify (forged or changed)' },
        problems: { type: 'array', items: problemSchema, description: 'The first 20 problems, in checkpoint order' },
      },
    },
  },
} as const;
