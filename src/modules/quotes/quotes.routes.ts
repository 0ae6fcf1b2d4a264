import type { FastifyInstance } from 'fastify';
import { actorOf } from '../../http/context.js';
import { ALL_ROLES, type Role } from '../../shared/actor.js';
import { companionQuery, pdfAnswer, sendPdf, type Language } from '../documents/index.js';
import { quoteDocumentDescription } from './quotes.examples.js';
import { renderQuoteDocument } from './quote-document.js';
import * as s from './quotes.schemas.js';
import { acceptQuote, createQuote, declineQuote, getQuote, getQuotes, type QuoteInput } from './quotes.service.js';

const tags = ['Quotes'];
const parties: Role[] = ['admin', 'quality_manager', 'customer'];
type Id = { Params: { id: string } };

/** Quotes: priced at the ordering stage, numbered per year, accepted or declined, and issued as PDF. */
export async function quotesRoutes(app: FastifyInstance): Promise<void> {
  const { db } = app.lims;

  app.post<{ Body: QuoteInput }>('/quotes', {
    config: { roles: parties },
    schema: { tags, summary: 'Request a quote: prices, delivery date and validity', body: s.createQuoteBody, response: { 201: s.issuedQuote } },
    handler: async (request, reply) => reply.code(201).send(await createQuote(db, actorOf(request), request.body)),
  });

  app.get<{ Querystring: { companyId?: string } }>('/quotes', {
    config: { roles: ALL_ROLES },
    schema: { tags, summary: 'List quotes (a customer sees only its own)', querystring: s.listQuery, response: { 200: s.quoteList } },
    handler: async (request) => ({ items: await getQuotes(db, actorOf(request), request.query.companyId) }),
  });

  app.get<Id>('/quotes/:id', {
    config: { roles: ALL_ROLES },
    schema: { tags, summary: 'Read a quote', params: s.idParams, response: { 200: s.quoteSchema } },
    handler: async (request) => getQuote(db, actorOf(request), request.params.id),
  });

  app.get<Id & { Querystring: { companion?: Language } }>('/quotes/:id/document', {
    config: { roles: ALL_ROLES },
    schema: {
      tags,
      summary: "The quote as PDF: Finnish original, plus a translation in the customer's language",
      params: s.idParams,
      querystring: companionQuery,
      response: { 200: pdfAnswer(quoteDocumentDescription) },
    },
    handler: async (request, reply) => sendPdf(reply, await renderQuoteDocument(db, actorOf(request), request.params.id, request.query.companion)),
  });

  app.post<Id & { Body: { acceptedByName: string } }>('/quotes/:id/accept', {
    config: { roles: parties },
    schema: { tags, summary: 'Accept a quote (makes an ad hoc agreement when no annual agreement covers it)', params: s.idParams, body: s.acceptQuoteBody, response: { 200: s.acceptedQuote } },
    handler: async (request) => acceptQuote(db, actorOf(request), request.params.id, request.body),
  });

  app.post<Id>('/quotes/:id/decline', {
    config: { roles: parties },
    schema: { tags, summary: 'Decline a quote', params: s.idParams, response: { 200: s.declinedQuote } },
    handler: async (request) => declineQuote(db, actorOf(request), request.params.id),
  });
}
