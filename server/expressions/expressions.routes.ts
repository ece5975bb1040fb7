import { Router } from 'express';
import { scoreBody } from '../../schemas/calls.js';
import { patchExpressionBody } from '../../schemas/expressions.js';
import { actorOf, allow } from '../accounts/access.js';
import { body } from '../http/validate.js';
import * as expressions from './expressions.service.js';
import { scoreExpression } from './scoring.js';

const id = (req: { params: Record<string, string | string[] | undefined> }) => String(req.params.id);

/** Reading, editing, submitting and scoring expressions of interest. */
export const expressionsRoutes = Router()
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
