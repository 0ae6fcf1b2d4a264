/** JSON schema pieces every module's routes share. */

export const uuidSchema = { type: 'string', format: 'uuid' } as const;

/** Path parameters of a route addressed by one record id. */
export const idParams = {
  type: 'object',
  additionalProperties: false,
  required: ['id'],
  properties: { id: uuidSchema },
} as const;
