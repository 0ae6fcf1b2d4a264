import type { FastifyInstance } from 'fastify';
import { actorOf } from '../../http/context.js';
import { STAFF_ROLES } from '../../shared/actor.js';
import { correctCalibration, getCalibrations, recordCalibration, withdrawCalibration, type CalibrationInput } from './calibrations.service.js';
import type { EquipmentStatus } from './domain/usability.js';
import { CHECKERS, RECORD_KEEPERS, changeStatus, createEquipment, getChecks, getEquipment, getEquipmentList, recordCheck, updateEquipment, type CheckInput, type EquipmentInput } from './equipment.service.js';
import type { EquipmentType } from './equipment.tables.js';
import * as s from './equipment.schemas.js';
import { getImpact, getTraceability } from './traceability.service.js';

const tags = ['Equipment'];
type Id = { Params: { id: string } };
type CalId = { Params: { id: string; calibrationId: string } };
type At = { Querystring: { at?: string } };
const list = <T>(items: T) => ({ type: 'object', required: ['items'], properties: { items: { type: 'array', items } } }) as const;

/** Equipment register, calibrations, intermediate checks, traceability chains and reverse impact. */
export async function equipmentRoutes(app: FastifyInstance): Promise<void> {
  const { db } = app.lims;
  const read = { roles: STAFF_ROLES };
  const write = { roles: RECORD_KEEPERS };

  app.post<{ Body: EquipmentInput & { code: string; name: string; type: EquipmentType; inServiceFrom?: string } }>('/equipment', {
    config: write,
    schema: { tags, summary: 'Register an item of equipment or a reference standard', body: s.createEquipmentBody, response: { 201: s.equipmentSchema } },
    handler: async (request, reply) => reply.code(201).send(await createEquipment(db, actorOf(request), request.body)),
  });

  app.get<At>('/equipment', {
    config: read,
    schema: { tags, summary: 'The equipment register, each item with its usability as of a day', querystring: s.atQuery, response: { 200: list(s.equipmentSchema) } },
    handler: async (request) => ({ items: await getEquipmentList(db, request.query.at) }),
  });

  app.get<Id & At>('/equipment/:id', {
    config: read,
    schema: { tags, summary: 'An item with its derived usability as of a day', params: s.idParams, querystring: s.atQuery, response: { 200: s.equipmentSchema } },
    handler: async (request) => getEquipment(db, request.params.id, request.query.at),
  });

  app.patch<Id & { Body: EquipmentInput }>('/equipment/:id', {
    config: write,
    schema: { tags, summary: "Change an item's details (location, range, interval...)", params: s.idParams, body: s.updateEquipmentBody, response: { 200: s.equipmentSchema } },
    handler: async (request) => updateEquipment(db, actorOf(request), request.params.id, request.body),
  });

  app.post<Id & { Body: { status: EquipmentStatus; effectiveOn?: string; reason: string } }>('/equipment/:id/status', {
    config: write,
    schema: { tags, summary: 'Put an item in service, out of service or in quarantine from a day on', params: s.idParams, body: s.statusBody, response: { 200: s.equipmentSchema } },
    handler: async (request) => changeStatus(db, actorOf(request), request.params.id, request.body),
  });

  app.post<Id & { Body: CalibrationInput }>('/equipment/:id/calibrations', {
    config: write,
    schema: { tags, summary: 'Record a calibration certificate (append-only)', params: s.idParams, body: s.calibrationBody, response: { 201: s.calibrationSchema } },
    handler: async (request, reply) => reply.code(201).send(await recordCalibration(db, actorOf(request), request.params.id, request.body)),
  });

  app.get<Id>('/equipment/:id/calibrations', {
    config: read,
    schema: { tags, summary: 'Every calibration record of an item, corrected ones included', params: s.idParams, response: { 200: list(s.calibrationSchema) } },
    handler: async (request) => ({ items: await getCalibrations(db, request.params.id) }),
  });

  app.post<CalId & { Body: CalibrationInput & { reason: string } }>('/equipment/:id/calibrations/:calibrationId/corrections', {
    config: write,
    schema: { tags, summary: 'Correct a calibration record with a new record and a reason (the old one stays)', params: s.calibrationParams, body: s.correctionBody, response: { 201: s.calibrationSchema } },
    handler: async (request, reply) => reply.code(201).send(await correctCalibration(db, actorOf(request), request.params.id, request.params.calibrationId, request.body)),
  });

  app.post<CalId & { Body: { kind: 'withdrawn' | 'out_of_tolerance'; withdrawnOn: string; reason: string } }>('/equipment/:id/calibrations/:calibrationId/withdrawal', {
    config: write,
    schema: { tags, summary: 'Withdraw a calibration, or record its standard found out of tolerance', params: s.calibrationParams, body: s.withdrawalBody, response: { 200: s.calibrationSchema } },
    handler: async (request) => withdrawCalibration(db, actorOf(request), request.params.id, request.params.calibrationId, request.body),
  });

  app.post<Id & { Body: CheckInput }>('/equipment/:id/checks', {
    config: { roles: CHECKERS },
    schema: { tags, summary: 'Record an intermediate check (ISO/IEC 17025 6.4.10)', params: s.idParams, body: s.checkBody, response: { 201: s.checkSchema } },
    handler: async (request, reply) => reply.code(201).send(await recordCheck(db, actorOf(request), request.params.id, request.body)),
  });

  app.get<Id>('/equipment/:id/checks', {
    config: read,
    schema: { tags, summary: "An item's intermediate checks", params: s.idParams, response: { 200: list(s.checkSchema) } },
    handler: async (request) => ({ items: await getChecks(db, request.params.id) }),
  });

  app.get<Id & At>('/equipment/:id/traceability', {
    config: read,
    schema: { tags, summary: 'The traceability chain up to an NMI or accredited laboratory, as of a day', params: s.idParams, querystring: s.atQuery, response: { 200: s.traceabilitySchema } },
    handler: async (request) => getTraceability(db, request.params.id, request.query.at),
  });

  app.get<Id & { Querystring: { since: string } }>('/equipment/:id/impact', {
    config: read,
    schema: { tags, summary: 'Reverse impact (7.10): everything that depended on this standard since a day', params: s.idParams, querystring: s.sinceQuery, response: { 200: s.impactSchema } },
    handler: async (request) => getImpact(db, request.params.id, request.query.since),
  });
}
