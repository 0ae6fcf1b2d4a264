import type { FastifyInstance } from 'fastify';
import { actorOf } from '../../http/context.js';
import { ALL_ROLES } from '../../shared/actor.js';
import { companySchema, createCompanyBody, idParams } from './companies.schemas.js';
import { createCompany, getCompanies, getCompany } from './companies.service.js';

const tags = ['Companies'];

export async function companiesRoutes(app: FastifyInstance): Promise<void> {
  const { db } = app.lims;

  app.post<{ Body: { name: string } }>('/companies', {
    config: { roles: ['admin', 'quality_manager'] },
    schema: { tags, summary: 'Register a customer company', body: createCompanyBody, response: { 201: companySchema } },
    handler: async (request, reply) => reply.code(201).send(await createCompany(db, actorOf(request), request.body)),
  });

  app.get('/companies', {
    config: { roles: ALL_ROLES },
    schema: {
      tags,
      summary: 'List companies (a customer sees only its own)',
      response: { 200: { type: 'object', required: ['items'], properties: { items: { type: 'array', items: companySchema } } } },
    },
    handler: async (request) => ({ items: await getCompanies(db, actorOf(request)) }),
  });

  app.get<{ Params: { id: string } }>('/companies/:id', {
    config: { roles: ALL_ROLES },
    schema: { tags, summary: 'Read a company', params: idParams, response: { 200: companySchema } },
    handler: async (request) => getCompany(db, actorOf(request), request.params.id),
  });
}
