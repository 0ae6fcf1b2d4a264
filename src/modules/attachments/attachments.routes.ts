import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { actorOf } from '../../http/context.js';
import { ALL_ROLES } from '../../shared/actor.js';
import * as s from './attachments.schemas.js';
import { checkUpload, deleteAttachment, getAttachment, listAttachments, openAttachmentContent, uploadAttachment, type UploadForm } from './attachments.service.js';
import { startSweeping } from './attachments.sweep.js';
import { uploadReader } from './attachments.upload.js';
import { FileBlobStore } from './blob-store.js';
import { DELETERS, UPLOADERS, contentDisposition } from './domain/attachment-rules.js';

const tags = ['Attachments'];
type JobId = { Params: { jobId: string } };
type Id = { Params: { id: string } };

/**
 * Job attachments: drawings, CAD/PMI models and reports, uploaded as multipart streams into the
 * content-addressed blob store (docs/decisions/0009-attachment-storage.md). Its own plugin, so that
 * the multipart parser applies to these routes only.
 */
export async function attachmentsRoutes(app: FastifyInstance): Promise<void> {
  const { db, config } = app.lims;
  const store = new FileBlobStore(config.attachmentsDir);
  await app.register(multipart, { throwFileSizeLimit: false });
  app.decorateRequest('attachmentUpload', null);

  let stopSweeping: (() => void) | null = null;
  app.addHook('onReady', async () => {
    stopSweeping = startSweeping(db, store, app.log);
  });
  app.addHook('onClose', async () => stopSweeping?.());

  const preflight = async (request: FastifyRequest, form: UploadForm) => {
    await checkUpload(db, actorOf(request), (request.params as { jobId: string }).jobId, form);
  };

  app.post<JobId & { Body: UploadForm & { file: string } }>('/jobs/:jobId/attachments', {
    config: { roles: UPLOADERS },
    schema: {
      tags,
      summary: 'Attach a file to a job: multipart form, text fields first, the file last; type detected from the content; confidential files need an NDA in force',
      params: s.jobParams,
      body: s.uploadBody,
      response: { 201: s.attachmentSchema },
    },
    preValidation: uploadReader(store, config.attachmentMaxBytes, preflight),
    onResponse: async (request) => {
      if (request.attachmentUpload) await store.discard(request.attachmentUpload.staged);
    },
    handler: async (request, reply) => {
      const { file: _digest, ...form } = request.body;
      const view = await uploadAttachment(db, store, actorOf(request), request.params.jobId, form, request.attachmentUpload!);
      return reply.code(201).send(view);
    },
  });

  app.get<JobId>('/jobs/:jobId/attachments', {
    config: { roles: ALL_ROLES },
    schema: { tags, summary: "A job's files in upload order, superseded revisions included and marked", params: s.jobParams, response: { 200: s.attachmentList } },
    handler: async (request) => ({ items: await listAttachments(db, actorOf(request), request.params.jobId) }),
  });

  app.get<Id>('/attachments/:id', {
    config: { roles: ALL_ROLES },
    schema: { tags, summary: "A file's metadata: detected type and header details, size, SHA-256, revision", params: s.idParams, response: { 200: s.attachmentSchema } },
    handler: async (request) => getAttachment(db, actorOf(request), request.params.id),
  });

  app.get<Id>('/attachments/:id/content', {
    config: { roles: ALL_ROLES },
    // A HEAD would authorize (and audit) a download without one.
    exposeHeadRoute: false,
    schema: {
      tags,
      summary: 'Download a file (streamed; ETag is its SHA-256). Confidential files: customers need an NDA in force, and every download is in the audit trail',
      params: s.idParams,
      response: { 200: s.contentResponse },
    },
    handler: async (request, reply) => {
      const { attachment, stream, size } = await openAttachmentContent(db, store, actorOf(request), request.params.id);
      return reply
        .type(attachment.mediaType)
        .headers({
          'content-length': String(size),
          etag: `"${attachment.sha256}"`,
          'content-disposition': contentDisposition(attachment.fileName),
          'cache-control': 'private, no-store',
          'x-content-type-options': 'nosniff',
        })
        .send(stream);
    },
  });

  app.delete<Id>('/attachments/:id', {
    config: { roles: DELETERS },
    schema: { tags, summary: 'Delete a file while its job is submitted; afterwards files are kept: upload a new revision with supersedes', params: s.idParams, response: { 204: { type: 'null', description: 'Deleted' } } },
    handler: async (request, reply) => {
      await deleteAttachment(db, actorOf(request), request.params.id);
      return reply.code(204).send();
    },
  });
}
