import { Router } from 'express';
import { coiBody, createCallBody, evaluatorBody } from '../../schemas/calls.js';
import { actorOf, allow } from '../accounts/access.js';
import { idParam as id, listQuery, officersOnly as officer } from '../http/params.js';
import { body, page, query } from '../http/validate.js';
import * as calls from './calls.service.js';

/** Calls for expressions of interest, their committee and the request for selection. */
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
  .post('/calls/:id/selection', officer, async (req, res) => {
    res.status(202).json(await calls.requestSelection(actorOf(req), id(req)));
  });
