import type { FastifyReply } from 'fastify';
import { LANGUAGES } from './i18n.js';

/** The query of a document route: the language of the companion translation. */
export const companionQuery = {
  type: 'object',
  additionalProperties: false,
  properties: { companion: { type: 'string', enum: LANGUAGES, description: "Companion translation language; defaults to the company's preferred language" } },
} as const;

/** The answer of a document route for the OpenAPI document: a PDF, not JSON, described in words. */
export const pdfAnswer = (description: string) => ({ description, content: { 'application/pdf': { schema: { type: 'string', format: 'binary', description: 'The PDF file' } } } }) as const;

/** Sends a rendered document inline, under its file name. */
export const sendPdf = (reply: FastifyReply, { pdf, fileName }: { pdf: Buffer; fileName: string }) =>
  reply.type('application/pdf').header('content-disposition', `inline; filename="${fileName}"`).send(pdf);
