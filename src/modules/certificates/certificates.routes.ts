import type { FastifyInstance } from 'fastify';
import { actorOf } from '../../http/context.js';
import { ALL_ROLES, type Role } from '../../shared/actor.js';
import { pdfAnswer, sendPdf } from '../documents/index.js';
import { idParams } from '../../http/common-schemas.js';
import * as s from './certificates.schemas.js';
import { createDraft, documentDcc, documentPdf, getDocument, listDocuments, type DraftInput, type ListQuery } from './certificates.service.js';
import { RenderPool } from './render-pool.js';
import { amendDocument, issueDocument, revokeDocument, type IssueInput } from './document-issuing.service.js';

const tags = ['Certificates and reports'];
const ISSUERS: Role[] = ['quality_manager', 'admin'];
const SIGNERS: Role[] = ['quality_manager'];
type Id = { Params: { id: string } };

/** Certificates and reports of jobs: drafts, PDFs, issuing with an electronic signature, amendments, revocation, the DCC. */
export async function certificatesRoutes(app: FastifyInstance): Promise<void> {
  const { db, config } = app.lims;
  const pool = new RenderPool();
  app.addHook('onClose', () => pool.close());
  const settings = { accreditationNumber: config.accreditationNumber ?? null, publicBaseUrl: config.publicBaseUrl, render: pool.render };

  app.post<{ Params: { jobId: string }; Body: DraftInput }>('/jobs/:jobId/documents', {
    config: { roles: ISSUERS },
    schema: { tags, summary: "Draft a certificate or report from the job's released results", params: s.jobParams, body: s.createBody, response: { 201: s.documentSchema } },
    handler: async (request, reply) => reply.code(201).send(await createDraft(db, actorOf(request), request.params.jobId, request.body)),
  });

  app.get<{ Querystring: ListQuery }>('/documents', {
    config: { roles: ALL_ROLES },
    schema: { tags, summary: "List documents, newest first (a customer sees its own company's issued documents only)", querystring: s.listQuery, response: { 200: s.documentList } },
    handler: async (request) => listDocuments(db, actorOf(request), request.query),
  });

  app.get<Id>('/documents/:id', {
    config: { roles: ALL_ROLES },
    schema: { tags, summary: 'Read a document: state, number, languages, signature and the SHA-256 of its files', params: idParams, response: { 200: s.documentAnswer } },
    handler: async (request) => getDocument(db, actorOf(request), request.params.id),
  });

  app.get<Id & { Querystring: { language: string } }>('/documents/:id/pdf', {
    config: { roles: ALL_ROLES },
    schema: {
      tags,
      summary: 'The document as PDF/A in one language: a draft rendered now with the LUONNOS / DRAFT watermark, an issued one as stored',
      params: idParams,
      querystring: s.pdfQuery,
      response: { 200: pdfAnswer('The PDF/A-3b file; a calibration certificate carries its DCC as an associated file') },
    },
    handler: async (request, reply) => sendPdf(reply, await documentPdf(db, actorOf(request), settings, request.params.id, request.query.language)),
  });

  app.get<Id>('/documents/:id/dcc', {
    config: { roles: ALL_ROLES },
    schema: {
      tags,
      summary: 'The Digital Calibration Certificate (PTB DCC 3.3.0 XML) of an issued calibration certificate',
      params: idParams,
      response: { 200: { description: 'DCC XML', content: { 'application/xml': { schema: { type: 'string', description: 'The DCC' } } } } },
    },
    handler: async (request, reply) => {
      const { xml, fileName } = await documentDcc(db, actorOf(request), request.params.id);
      return reply.type('application/xml').header('content-disposition', `attachment; filename="${fileName}"`).send(xml);
    },
  });

  app.post<Id & { Body: IssueInput }>('/documents/:id/issue', {
    config: { roles: SIGNERS },
    schema: { tags, summary: 'Issue a draft: sign with your password; the document is numbered, rendered in every language and frozen', params: idParams, body: s.issueBody, response: { 200: s.documentSchema } },
    handler: async (request) => issueDocument(db, actorOf(request), settings, request.params.id, request.body, request.ip),
  });

  app.post<Id & { Body: { reason: string } }>('/documents/:id/amendments', {
    config: { roles: ISSUERS },
    schema: { tags, summary: 'Start an amendment of an issued document: a new draft that supersedes it once issued', params: idParams, body: s.amendBody, response: { 201: s.documentSchema } },
    handler: async (request, reply) => reply.code(201).send(await amendDocument(db, actorOf(request), request.params.id, request.body.reason)),
  });

  app.post<Id & { Body: { reason: string; password: string } }>('/documents/:id/revoke', {
    config: { roles: SIGNERS },
    schema: { tags, summary: 'Revoke an issued document, signed with your password', params: idParams, body: s.revokeBody, response: { 200: s.documentSchema } },
    handler: async (request) => revokeDocument(db, actorOf(request), request.params.id, request.body, request.ip),
  });
}
