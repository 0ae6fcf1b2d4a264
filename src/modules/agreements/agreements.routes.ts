import type { FastifyInstance } from 'fastify';
import { actorOf } from '../../http/context.js';
import { ALL_ROLES, type Role } from '../../shared/actor.js';
import { companionQuery, pdfAnswer, sendPdf, type Language } from '../documents/index.js';
import { renderAgreementDocument } from './agreement-document.js';
import { signAgreement, type SignInput } from './agreement-signing.service.js';
import { agreementDocumentDescription, agreementListExamples, agreementVersionsExamples, ndaListExamples } from './agreements.examples.js';
import * as s from './agreements.schemas.js';
import { createAgreement, getAgreement, getAgreements, getVersions, reviseAgreement, terminateAgreement, updateAgreement, type AgreementChange, type AgreementInput } from './agreements.service.js';
import { getNda, getNdas, getNdaStatus, terminateNda } from './nda.service.js';

const tags = ['Agreements'];
const writers: Role[] = ['admin', 'quality_manager'];
type Id = { Params: { id: string } };
const list = <T>(items: T, examples: object[]) => ({ type: 'object', required: ['items'], properties: { items: { type: 'array', items } }, examples }) as const;

/** Annual and ad hoc agreements, their versions, signatures, documents, and NDAs. */
export async function agreementsRoutes(app: FastifyInstance): Promise<void> {
  const { db } = app.lims;

  app.post<{ Body: AgreementInput }>('/agreements', {
    config: { roles: writers },
    schema: { tags, summary: 'Draft an agreement with its NDA', body: s.createAgreementBody, response: { 201: s.agreementSchema } },
    handler: async (request, reply) => reply.code(201).send(await createAgreement(db, actorOf(request), request.body)),
  });

  app.get<{ Querystring: { companyId?: string; kind?: 'annual' | 'ad_hoc' } }>('/agreements', {
    config: { roles: ALL_ROLES },
    schema: { tags, summary: 'List agreements (a customer sees only its own)', querystring: s.listAgreementsQuery, response: { 200: list(s.agreementSchema, agreementListExamples) } },
    handler: async (request) => ({ items: await getAgreements(db, actorOf(request), request.query) }),
  });

  app.get<Id>('/agreements/:id', {
    config: { roles: ALL_ROLES },
    schema: { tags, summary: 'Read an agreement', params: s.idParams, response: { 200: s.agreementSchema } },
    handler: async (request) => getAgreement(db, actorOf(request), request.params.id),
  });

  app.patch<Id & { Body: AgreementChange }>('/agreements/:id', {
    config: { roles: writers },
    schema: { tags, summary: 'Edit a draft agreement', params: s.idParams, body: s.updateAgreementBody, response: { 200: s.agreementSchema } },
    handler: async (request) => updateAgreement(db, actorOf(request), request.params.id, request.body),
  });

  app.post<Id & { Body: SignInput }>('/agreements/:id/sign', {
    config: { roles: [...writers, 'customer'] },
    schema: { tags, summary: 'Sign a draft for one party; it becomes active when both have signed', params: s.idParams, body: s.signBody, response: { 200: s.signedAgreementSchema } },
    handler: async (request) => signAgreement(db, actorOf(request), request.params.id, request.body),
  });

  app.post<Id>('/agreements/:id/revisions', {
    config: { roles: writers },
    schema: { tags, summary: 'Start a new version (a draft) of an active agreement', params: s.idParams, response: { 201: s.agreementSchema } },
    handler: async (request, reply) => reply.code(201).send(await reviseAgreement(db, actorOf(request), request.params.id)),
  });

  app.post<Id & { Body: { reason: string; terminatedOn?: string } }>('/agreements/:id/terminate', {
    config: { roles: writers },
    schema: { tags, summary: 'Terminate an active agreement', params: s.idParams, body: s.terminateBody, response: { 200: s.agreementSchema } },
    handler: async (request) => terminateAgreement(db, actorOf(request), request.params.id, request.body),
  });

  app.get<Id>('/agreements/:id/versions', {
    config: { roles: ALL_ROLES },
    schema: { tags, summary: 'Every version of the agreement, oldest first', params: s.idParams, response: { 200: list(s.agreementSchema, agreementVersionsExamples) } },
    handler: async (request) => ({ items: await getVersions(db, actorOf(request), request.params.id) }),
  });

  app.get<Id & { Querystring: { companion?: Language } }>('/agreements/:id/document', {
    config: { roles: ALL_ROLES },
    schema: {
      tags,
      summary: "The written agreement as PDF: Finnish original, plus a translation in the customer's language",
      params: s.idParams,
      querystring: companionQuery,
      response: { 200: pdfAnswer(agreementDocumentDescription) },
    },
    handler: async (request, reply) => sendPdf(reply, await renderAgreementDocument(db, actorOf(request), request.params.id, request.query.companion)),
  });

  app.get<{ Querystring: { companyId?: string } }>('/ndas', {
    config: { roles: ALL_ROLES },
    schema: { tags: ['NDAs'], summary: 'List confidentiality agreements with their expiry', querystring: { type: 'object', additionalProperties: false, properties: { companyId: { type: 'string', format: 'uuid' } } }, response: { 200: list(s.ndaSchema, ndaListExamples) } },
    handler: async (request) => ({ items: await getNdas(db, actorOf(request), request.query.companyId) }),
  });

  app.get<Id>('/ndas/:id', {
    config: { roles: ALL_ROLES },
    schema: { tags: ['NDAs'], summary: 'Read an NDA', params: s.idParams, response: { 200: s.ndaSchema } },
    handler: async (request) => getNda(db, actorOf(request), request.params.id),
  });

  app.post<Id & { Body: { reason: string; terminatedOn?: string } }>('/ndas/:id/terminate', {
    config: { roles: writers },
    schema: {
      tags: ['NDAs'],
      summary: 'Terminate an NDA in force',
      description: 'From the termination day on, confidential files of the company are neither accepted nor released to its users. Files already held are kept for the retention period.',
      params: s.idParams,
      body: s.terminateBody,
      response: { 200: s.ndaSchema },
    },
    handler: async (request) => terminateNda(db, actorOf(request), request.params.id, request.body),
  });

  app.get<Id>('/companies/:id/nda-status', {
    config: { roles: ALL_ROLES },
    schema: { tags: ['NDAs'], summary: 'Whether the company has an NDA in force, and until when', params: s.idParams, response: { 200: s.ndaStatusSchema } },
    handler: async (request) => getNdaStatus(db, actorOf(request), request.params.id),
  });
}
