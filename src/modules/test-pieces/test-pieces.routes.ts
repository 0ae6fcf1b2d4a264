import type { FastifyInstance } from 'fastify';
import { actorOf } from '../../http/context.js';
import { ALL_ROLES } from '../../shared/actor.js';
import type { PieceFilter } from './test-pieces.repository.js';
import * as s from './test-pieces.schemas.js';
import { CATALOGUE_KEEPERS, createTestPiece, getTestPiece, listTestPieces, updateTestPiece, type PieceChange, type PieceInput } from './test-pieces.service.js';

const tags = ['Test pieces'];
type Id = { Params: { id: string } };

/** The test pieces catalogue: NAS, BAS and lab-modelled types and the lab's own reference pieces. */
export async function testPiecesRoutes(app: FastifyInstance): Promise<void> {
  const { db } = app.lims;

  app.post<{ Body: PieceInput }>('/test-pieces', {
    config: { roles: CATALOGUE_KEEPERS },
    schema: { tags, summary: 'Add a test piece to the catalogue with its characteristics (and a reference piece its known values)', body: s.createPieceBody, response: { 201: s.pieceSchema } },
    handler: async (request, reply) => reply.code(201).send(await createTestPiece(db, actorOf(request), request.body)),
  });

  app.get<{ Querystring: PieceFilter }>('/test-pieces', {
    config: { roles: ALL_ROLES },
    schema: { tags, summary: "The catalogue in code order (customers: the active pieces, without the lab's known values)", querystring: s.listQuery, response: { 200: s.pieceList } },
    handler: async (request) => ({ items: await listTestPieces(db, actorOf(request), request.query) }),
  });

  app.get<Id>('/test-pieces/:id', {
    config: { roles: ALL_ROLES },
    schema: { tags, summary: "A piece with its characteristics (customers: without the lab's known values)", params: s.idParams, response: { 200: s.pieceSchema } },
    handler: async (request) => getTestPiece(db, actorOf(request), request.params.id),
  });

  app.patch<Id & { Body: PieceChange }>('/test-pieces/:id', {
    config: { roles: CATALOGUE_KEEPERS },
    schema: { tags, summary: 'Change a piece (a new revision; jobs that picked it keep their copies), or withdraw it with active: false', params: s.idParams, body: s.updatePieceBody, response: { 200: s.pieceSchema } },
    handler: async (request) => updateTestPiece(db, actorOf(request), request.params.id, request.body),
  });
}
