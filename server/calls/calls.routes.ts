import { Router } from 'express';
import { coiBody, createCallBody, evaluatorBody } from '../../schemas/calls.js';
import { pageQuery } from '../../schemas/common.js';
import { createExpressionBody } from '../../schemas/expressions.js';
import { actorOf, allow } from '../accounts/access.js';
import * as expressions from '../expressions/expressions.service.js';
import { body, page, query } from '../http/validate.js';
import * as calls from './calls.service.js';
import { callResults } from './results.service.js';

const listQuery = { type: 'object', properties: pageQuery.properties, additionalProperties: false } as const;
const officer = allow('procurement-officer', 'admin');
const id = (req: { params: Record<string, string | string[] | undefined> }) => String(req.params.id);

/** Calls for expressions of interest, their committee, expressions and selection. */
export const callsRoutes = Router()
  .post('/calls', officer, body(createCallBody), async (req, res) => {
    res.status(201).json(await calls.createCall(actorOf(req), req.body));
  })
  .get('/calls', query(listQuery), async (req, res) => {
    res.json(await calls.listCalls(actorOf(req), page(req)));
  })
  .get('/calls/:id', async (req, res) => {
    const actor = actorOf(req);
    res.json(calls.callView(await calls.loadCall(actor, id(req)), actor));
  })
  .post('/calls/:id/publish', officer, async (req, res) => {
    res.json(await calls.publishCall(actorOf(req), id(req)));
  })
  .post('/calls/:id/evaluators', officer, body(evaluatorBody), async (req, res) => {
    res.json(await calls.assignCallEvaluator(actorOf(req), id(req), req.body.userId));
  })
  .post('/calls/:id/coi', allow('evaluator'), body(coiBody), async (req, res) => {
    res.json(await calls.declareCallConflict(actorOf(req), id(req), req.body.conflict, req.body.note));
  })
  .post(
    '/calls/:id/expressions',
    allow('entity-representative'),
    body(createExpressionBody),
    async (req, res) => {
      res.status(201).json(await expressions.createExpression(actorOf(req), id(req), req.body));
    },
  )
  .get('/calls/:id/expressions', query(listQuery), async (req, res) => {
    res.json(await expressions.listCallExpressions(actorOf(req), id(req), page(req)));
  })
  .post('/calls/:id/selection', officer, async (req, res) => {
    res.status(202).json(await calls.requestSelection(actorOf(req), id(req)));
  })
  .get('/calls/:id/results', async (req, res) => {
    res.json(await callResults(actorOf(req), id(req)));
  });
