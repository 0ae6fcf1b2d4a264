import type { FastifyInstance } from 'fastify';
import { actorOf } from '../../http/context.js';
import { ALL_ROLES, STAFF_ROLES } from '../../shared/actor.js';
import * as s from './pricing.schemas.js';
import { createPriceList, getCurrentPriceList, getCustomerPrices, getPriceList, getPriceLists, type PriceListInput } from './pricing.service.js';

const tags = ['Prices'];
const list = <T>(items: T) => ({ type: 'object', required: ['items'], properties: { items: { type: 'array', items } } }) as const;

/** Cost-based price list versions (staff) and the prices that apply to a customer. */
export async function pricingRoutes(app: FastifyInstance): Promise<void> {
  const { db } = app.lims;

  app.post<{ Body: PriceListInput }>('/price-lists', {
    config: { roles: ['admin'] },
    schema: { tags, summary: 'Create a price list version from its cost basis', body: s.createPriceListBody, response: { 201: s.priceListSchema } },
    handler: async (request, reply) => reply.code(201).send(await createPriceList(db, actorOf(request), request.body)),
  });

  app.get('/price-lists', {
    config: { roles: STAFF_ROLES },
    schema: { tags, summary: 'Every price list version with its cost basis', response: { 200: list(s.priceListSchema) } },
    handler: async () => ({ items: await getPriceLists(db) }),
  });

  app.get('/price-lists/current', {
    config: { roles: STAFF_ROLES },
    schema: { tags, summary: 'The price list version in force today', response: { 200: s.priceListSchema } },
    handler: async () => getCurrentPriceList(db),
  });

  app.get<{ Params: { id: string } }>('/price-lists/:id', {
    config: { roles: STAFF_ROLES },
    schema: { tags, summary: 'Read a price list version', params: s.idParams, response: { 200: s.priceListSchema } },
    handler: async (request) => getPriceList(db, request.params.id),
  });

  app.get<{ Querystring: { companyId?: string } }>('/prices', {
    config: { roles: ALL_ROLES },
    schema: {
      tags,
      summary: 'Current prices that apply to a customer, with agreed discounts (customers: needs an annual agreement in force)',
      querystring: s.pricesQuery,
      response: { 200: s.customerPricesSchema },
    },
    handler: async (request) => getCustomerPrices(db, actorOf(request), request.query.companyId),
  });
}
