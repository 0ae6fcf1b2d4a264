import type { FastifyInstance } from 'fastify';
import { actorOf } from '../../http/context.js';
import { ALL_ROLES, type Role } from '../../shared/actor.js';
import type { CharacteristicInput, ItemInput } from './domain/job-content.js';
import { SUBMIT_ROLES, TRANSITIONS, type JobAction } from './domain/job-lifecycle.js';
import * as lifecycle from './job-lifecycle.service.js';
import * as s from './jobs.schemas.js';
import { addCharacteristics, addItem, getJob, getJobs, submitJob, type JobInput } from './jobs.service.js';
import type { JobFilter } from './jobs.repository.js';

const tags = ['Jobs'];
type Id = { Params: { id: string } };
type Reason = Id & { Body: { reason: string } };
const one = { 200: s.jobSchema };

/** The roles the state machine allows for an action (the route gate; the machine checks again per state). */
const rolesFor = (action: JobAction): Role[] => [...new Set(TRANSITIONS.filter((t) => t.action === action).flatMap((t) => t.roles))];

/** Jobs: submission by the company, contract review, the bench work and release, as a state machine. */
export async function jobsRoutes(app: FastifyInstance): Promise<void> {
  const { db } = app.lims;

  app.post<{ Body: JobInput }>('/jobs', {
    config: { roles: SUBMIT_ROLES },
    schema: {
      tags,
      summary: 'Submit a job under an agreement in force that covers its kind (send an Idempotency-Key to retry safely)',
      body: s.createJobBody,
      response: { 201: s.jobSchema },
    },
    handler: async (request, reply) => reply.code(201).send(await submitJob(db, actorOf(request), request.body)),
  });

  app.get<{ Querystring: JobFilter }>('/jobs', {
    config: { roles: ALL_ROLES },
    schema: { tags, summary: 'List jobs, newest first, by status, kind and submission day (a customer sees only its own)', querystring: s.listQuery, response: { 200: s.jobPage } },
    handler: async (request) => getJobs(db, actorOf(request), request.query),
  });

  app.get<Id>('/jobs/:id', {
    config: { roles: ALL_ROLES },
    schema: { tags, summary: 'Read a job with its items, characteristics and status', params: s.idParams, response: one },
    handler: async (request) => getJob(db, actorOf(request), request.params.id),
  });

  app.post<Id & { Body: ItemInput }>('/jobs/:id/items', {
    config: { roles: SUBMIT_ROLES },
    schema: { tags, summary: 'Add an item (a piece with characteristics, or an instrument) until the job is accepted', params: s.idParams, body: s.itemBody, response: { 201: s.jobSchema } },
    handler: async (request, reply) => reply.code(201).send(await addItem(db, actorOf(request), request.params.id, request.body)),
  });

  app.post<{ Params: { id: string; itemId: string }; Body: { characteristics: CharacteristicInput[] } }>('/jobs/:id/items/:itemId/characteristics', {
    config: { roles: SUBMIT_ROLES },
    schema: { tags, summary: 'Add characteristics to a piece until the job is accepted', params: s.itemParams, body: s.characteristicsBody, response: { 201: s.jobSchema } },
    handler: async (request, reply) => reply.code(201).send(await addCharacteristics(db, actorOf(request), request.params.id, request.params.itemId, request.body.characteristics)),
  });

  app.post<Id & { Body: lifecycle.AcceptInput }>('/jobs/:id/accept', {
    config: { roles: rolesFor('accept') },
    schema: { tags, summary: 'Accept after contract review: method, price and delivery date (the decision rule comes from the agreement)', params: s.idParams, body: s.acceptBody, response: one },
    handler: async (request) => lifecycle.acceptJob(db, actorOf(request), request.params.id, request.body),
  });

  app.post<Reason>('/jobs/:id/reject', {
    config: { roles: rolesFor('reject') },
    schema: { tags, summary: 'Reject a submitted job, with the reason', params: s.idParams, body: s.rejectBody, response: one },
    handler: async (request) => lifecycle.rejectJob(db, actorOf(request), request.params.id, request.body.reason),
  });

  app.post<Reason>('/jobs/:id/cancel', {
    config: { roles: rolesFor('cancel') },
    schema: { tags, summary: 'Cancel a job, with the reason (the customer: until the lab accepts it)', params: s.idParams, body: s.cancelBody, response: one },
    handler: async (request) => lifecycle.cancelJob(db, actorOf(request), request.params.id, request.body.reason),
  });

  app.post<Id & { Body: lifecycle.ReceiveInput }>('/jobs/:id/receive', {
    config: { roles: rolesFor('receive_items') },
    schema: { tags, summary: 'Record the receipt of the items: date, condition on receipt, remarks', params: s.idParams, body: s.receiveBody, response: one },
    handler: async (request) => lifecycle.receiveItems(db, actorOf(request), request.params.id, request.body),
  });

  app.post<Id>('/jobs/:id/start-measurement', {
    config: { roles: rolesFor('start_measurement') },
    schema: { tags, summary: 'Start the measurement', params: s.idParams, response: one },
    handler: async (request) => lifecycle.startMeasurement(db, actorOf(request), request.params.id),
  });

  app.post<Id>('/jobs/:id/send-to-review', {
    config: { roles: rolesFor('send_to_review') },
    schema: { tags, summary: 'Send the results to review (refused, listing what is missing, until every characteristic has a current result and every instrument a calibration point)', params: s.idParams, response: one },
    handler: async (request) => lifecycle.sendToReview(db, actorOf(request), request.params.id),
  });

  app.post<Reason>('/jobs/:id/return-to-measurement', {
    config: { roles: rolesFor('return_to_measurement') },
    schema: { tags, summary: 'Return results under review to measurement, with the reason', params: s.idParams, body: s.returnBody, response: one },
    handler: async (request) => lifecycle.returnToMeasurement(db, actorOf(request), request.params.id, request.body.reason),
  });

  app.post<Id>('/jobs/:id/report', {
    config: { roles: rolesFor('report') },
    schema: { tags, summary: "Mark the job reported (documents issued); refused, listing the items, until every item's results are released", params: s.idParams, response: one },
    handler: async (request) => lifecycle.reportJob(db, actorOf(request), request.params.id),
  });

  app.post<Id>('/jobs/:id/close', {
    config: { roles: rolesFor('close') },
    schema: { tags, summary: 'Close the job (items returned, file complete)', params: s.idParams, response: one },
    handler: async (request) => lifecycle.closeJob(db, actorOf(request), request.params.id),
  });
}
