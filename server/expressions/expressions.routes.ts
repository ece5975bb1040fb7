import { Router } from 'express';
import { scoreBody } from '../../schemas/calls.js';
import { createExpressionBody, patchExpressionBody } from '../../schemas/expressions.js';
import { actorOf, allow } from '../accounts/access.js';
import { idParam as id, listQuery } from '../http/params.js';
import { body, page, query } from '../http/validate.js';
import * as expressions from './expressions.service.js';
import { callResults } from './results.service.js';
import { scoreExpression } from './scoring.js';

/** Expressions of interest: drafting against a call, editing, submitting, scoring, and the call's results. */
export const expressionsRoutes = Router()
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
  .get('/calls/:id/results', async (req, res) => {
    res.json(await callResults(actorOf(req), id(req)));
  })
  .get('/consortia/:id/expressions', async (req, res) => {
    res.json(await expressions.listConsortiumExpressions(actorOf(req), id(req)));
  })
  .get('/expressions/:id', async (req, res) => {
    res.json(await expressions.getExpression(actorOf(req), id(req)));
  })
  .patch('/expressions/:id', allow('entity-representative'), body(patchExpressionBody), async (req, res) => {
    res.json(await expressions.updateExpression(actorOf(req), id(req), req.body));
  })
  .post('/expressions/:id/submit', allow('entity-representative'), async (req, res) => {
    res.status(202).json(await expressions.submitExpression(actorOf(req), id(req)));
  })
  .post('/expressions/:id/scores', allow('evaluator'), body(scoreBody), async (req, res) => {
    res.json(await scoreExpression(actorOf(req), id(req), req.body));
  });
