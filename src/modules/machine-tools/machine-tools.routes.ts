import type { FastifyInstance } from 'fastify';
import { actorOf } from '../../http/context.js';
import { ALL_ROLES } from '../../shared/actor.js';
import * as s from './machine-tools.schemas.js';
import { MACHINE_TOOL_KEEPERS, createMachineTool, getMachineTool, listMachineTools, updateMachineTool, type MachineToolChange, type MachineToolInput } from './machine-tools.service.js';

const tags = ['Machine tools'];
type Id = { Params: { id: string } };

/** Customers' machine tools: the assets whose manufacturing reference measurements are followed over time. */
export async function machineToolsRoutes(app: FastifyInstance): Promise<void> {
  const { db } = app.lims;

  app.post<{ Body: MachineToolInput }>('/machine-tools', {
    config: { roles: MACHINE_TOOL_KEEPERS },
    schema: { tags, summary: "Register a machine tool of the company (customers: their own; staff name the company)", body: s.createMachineToolBody, response: { 201: s.machineToolSchema } },
    handler: async (request, reply) => reply.code(201).send(await createMachineTool(db, actorOf(request), request.body)),
  });

  app.get<{ Querystring: { companyId?: string } }>('/machine-tools', {
    config: { roles: ALL_ROLES },
    schema: { tags, summary: "The machine tools you may see (a customer: its own company's), by name", querystring: s.listQuery, response: { 200: s.machineToolList } },
    handler: async (request) => ({ items: await listMachineTools(db, actorOf(request), request.query.companyId) }),
  });

  app.get<Id>('/machine-tools/:id', {
    config: { roles: ALL_ROLES },
    schema: { tags, summary: 'A machine tool', params: s.idParams, response: { 200: s.machineToolSchema } },
    handler: async (request) => getMachineTool(db, actorOf(request), request.params.id),
  });

  app.patch<Id & { Body: MachineToolChange }>('/machine-tools/:id', {
    config: { roles: MACHINE_TOOL_KEEPERS },
    schema: { tags, summary: "Change a machine tool's details", params: s.idParams, body: s.updateMachineToolBody, response: { 200: s.updatedMachineToolSchema } },
    handler: async (request) => updateMachineTool(db, actorOf(request), request.params.id, request.body),
  });
}
