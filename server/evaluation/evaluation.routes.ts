import { Router } from 'express';
import { bidScoresBody, scoreBody } from '../../schemas/calls.js';
import { checksBody } from '../../schemas/tenders.js';
import { actorOf, allow } from '../accounts/access.js';
import { sendPdf } from '../documents/documents.service.js';
import { idParam as id, officersOnly as officer } from '../http/params.js';
import { body } from '../http/validate.js';
import * as evaluation from './evaluation.service.js';
import { getEvaluation } from './evaluation-view.js';
import { evaluationReport } from './report.js';
import { signOffScores } from './sign-off.js';

const committee = allow('procurement-officer', 'admin', 'evaluator');

/** Evaluation of the opened bids: checks, scores, the ranking per lot and its report. */
export const evaluationRoutes = Router()
  .post('/bids/:id/checks', officer, body(checksBody), async (req, res) => {
    res.json(await evaluation.recordChecks(actorOf(req), id(req), req.body));
  })
  .post('/bids/:id/scores', allow('evaluator'), body(scoreBody), async (req, res) => {
    res.json(await evaluation.scoreBid(actorOf(req), id(req), req.body));
  })
  .put('/bids/:id/scores', allow('evaluator'), body(bidScoresBody), async (req, res) => {
    res.json(await evaluation.saveBidScores(actorOf(req), id(req), req.body.scores));
  })
  .post('/tenders/:id/sign-off', allow('evaluator'), async (req, res) => {
    res.json(await signOffScores(actorOf(req), id(req)));
  })
  .post('/tenders/:id/evaluation', officer, async (req, res) => {
    res.status(202).json(await evaluation.requestEvaluation(actorOf(req), id(req)));
  })
  .get('/tenders/:id/report.pdf', committee, async (req, res) => {
    sendPdf(res, await evaluationReport(actorOf(req), id(req)));
  })
  .get('/tenders/:id/evaluation', committee, async (req, res) => {
    res.json(await getEvaluation(actorOf(req), id(req)));
  });
