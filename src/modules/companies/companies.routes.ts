import type { FastifyInstance } from 'fastify';
import { actorOf } from '../../http/context.js';
import { ALL_ROLES, type Role } from '../../shared/actor.js';
import { companyListExamples, contactListExamples, contactUpdateExamples } from './companies.examples.js';
import * as schemas from './companies.schemas.js';
import { addContact, createCompany, getCompanies, getCompany, getContacts, presentCompany, updateCompany, updateContact } from './companies.service.js';

const tags = ['Companies'];
const staffWriters: Role[] = ['admin', 'quality_manager'];
type Id = { Params: { id: string } };
const list = <T>(items: T, examples: object[]) => ({ type: 'object', required: ['items'], properties: { items: { type: 'array', items } }, examples }) as const;

/** Customer companies and their contact persons. */
export async function companiesRoutes(app: FastifyInstance): Promise<void> {
  const { db } = app.lims;

  app.post<{ Body: schemas.CompanyInput & { name: string } }>('/companies', {
    config: { roles: staffWriters },
    schema: { tags, summary: 'Register a customer company', body: schemas.createCompanyBody, response: { 201: schemas.companySchema } },
    handler: async (request, reply) => reply.code(201).send(presentCompany(await createCompany(db, actorOf(request), request.body))),
  });

  app.get('/companies', {
    config: { roles: ALL_ROLES },
    schema: { tags, summary: 'List companies (a customer sees only its own)', response: { 200: list(schemas.companySchema, companyListExamples) } },
    handler: async (request) => ({ items: (await getCompanies(db, actorOf(request))).map(presentCompany) }),
  });

  app.get<Id>('/companies/:id', {
    config: { roles: ALL_ROLES },
    schema: { tags, summary: 'Read a company', params: schemas.idParams, response: { 200: schemas.companySchema } },
    handler: async (request) => presentCompany(await getCompany(db, actorOf(request), request.params.id)),
  });

  app.patch<Id & { Body: schemas.CompanyInput }>('/companies/:id', {
    config: { roles: staffWriters },
    schema: {
      tags,
      summary: "Change a company's details (address, invoicing, language, business identifier)",
      params: schemas.idParams,
      body: schemas.updateCompanyBody,
      response: { 200: schemas.companySchema },
    },
    handler: async (request) => presentCompany(await updateCompany(db, actorOf(request), request.params.id, request.body)),
  });

  app.post<Id & { Body: schemas.ContactInput }>('/companies/:id/contacts', {
    config: { roles: staffWriters },
    schema: { tags, summary: 'Add a contact person', params: schemas.idParams, body: schemas.createContactBody, response: { 201: schemas.contactSchema } },
    handler: async (request, reply) => reply.code(201).send(await addContact(db, actorOf(request), request.params.id, request.body)),
  });

  app.patch<{ Params: { id: string; contactId: string }; Body: schemas.ContactChange }>('/companies/:id/contacts/:contactId', {
    config: { roles: staffWriters },
    schema: {
      tags,
      summary: 'Change a contact person, or mark one who no longer deals with the lab (active: false)',
      params: schemas.contactParams,
      body: schemas.updateContactBody,
      response: { 200: { ...schemas.contactSchema, examples: contactUpdateExamples } },
    },
    handler: async (request) => updateContact(db, actorOf(request), request.params.id, request.params.contactId, request.body),
  });

  app.get<Id>('/companies/:id/contacts', {
    config: { roles: ALL_ROLES },
    schema: { tags, summary: "A company's contact persons", params: schemas.idParams, response: { 200: list(schemas.contactSchema, contactListExamples) } },
    handler: async (request) => ({ items: await getContacts(db, actorOf(request), request.params.id) }),
  });
}
