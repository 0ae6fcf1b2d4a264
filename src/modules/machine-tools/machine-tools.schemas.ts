import * as ex from './machine-tools.examples.js';
import { text } from '../../http/common-schemas.js';

const uuid = { type: 'string', format: 'uuid' } as const;
const nullable = <T extends object>(schema: T) => ({ ...schema, nullable: true }) as const;

export const createMachineToolBody = {
  type: 'object',
  additionalProperties: false,
  required: ['name'],
  properties: {
    companyId: { ...uuid, description: 'Staff: the owning company; customers: omit (always their own company)' },
    name: { ...text(200), description: "The company's name for the machine" },
    manufacturer: text(200),
    model: text(200),
    serialNumber: text(100),
    location: { ...text(200), description: 'Hall, line or cell' },
    notes: text(2000),
  },
  examples: ex.createMachineToolExamples,
} as const;

export const updateMachineToolBody = {
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  properties: {
    name: text(200),
    manufacturer: nullable(text(200)),
    model: nullable(text(200)),
    serialNumber: nullable(text(100)),
    location: nullable(text(200)),
    notes: nullable(text(2000)),
  },
  examples: ex.updateMachineToolExamples,
} as const;

export const machineToolSchema = {
  type: 'object',
  required: ['id', 'companyId', 'name', 'manufacturer', 'model', 'serialNumber', 'location', 'notes', 'createdAt', 'updatedAt'],
  properties: {
    id: uuid,
    companyId: uuid,
    name: { type: 'string' },
    manufacturer: nullable({ type: 'string' }),
    model: nullable({ type: 'string' }),
    serialNumber: nullable({ type: 'string' }),
    location: nullable({ type: 'string' }),
    notes: nullable({ type: 'string' }),
    createdAt: { type: 'string', format: 'date-time' },
    updatedAt: { type: 'string', format: 'date-time' },
  },
  examples: ex.machineToolExamples,
} as const;

/** The answer to a change. */
export const updatedMachineToolSchema = { ...machineToolSchema, examples: ex.updatedMachineToolExamples } as const;

export const machineToolList = { type: 'object', required: ['items'], properties: { items: { type: 'array', items: machineToolSchema } }, examples: ex.machineToolListExamples } as const;

export const listQuery = { type: 'object', additionalProperties: false, properties: { companyId: { ...uuid, description: "Staff: one company's machine tools" } } } as const;

export { idParams } from '../../http/common-schemas.js';
