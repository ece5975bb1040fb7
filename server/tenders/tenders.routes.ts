import { Router } from 'express';
import { coiBody, evaluatorBody, scoreBody } from '../../schemas/calls.js';
import { pageQuery } from '../../schemas/common.js';
import {
  awardBody,
  bidBody,
  cancelBody,
  checksBody,
  contractBody,
  createTenderBody,
  openingBody,
  questionBody,
} from '../../schemas/tenders.js';
import { actorOf, allow } from '../accounts/access.js';
import { awardLot } from '../awards/awards.service.js';
import * as bids from '../bids/bids.service.js';
import { contractDocumentKey, requestContract } from '../contracts/contract-generation.js';
import { contractView, getContract, listContracts } from '../contracts/contracts.service.js';
import { loadDocument, sendPdf } from '../documents/documents.service.js';
import { conflict } from '../errors.js';
import * as evaluation from '../evaluation/evaluation.service.js';
import { evaluationReport } from '../evaluation/report.js';
import { body, page, query } from '../http/validate.js';
import { ocdsReleasePackage } from '../ocds/ocds.service.js';
import * as questions from './questions.service.js';
import * as tenders from './tenders.service.js';

const listQuery = { type: 'object', properties: pageQuery.properties, additionalProperties: false } as const;
const officer = allow('procurement-officer', 'admin');
const id = (req: { params: Record<string, string | string[] | undefined> }) => String(req.params.id);

/** Tenders: lifecycle, clarifications, sealed bids, committee, evaluation, awards and contracts. */
export const tendersRoutes = Router()
  .post('/tenders', officer, body(createTenderBody), async (req, res) => {
    res.status(201).json(await tenders.createTender(actorOf(req), req.body));
  })
  .get('/tenders', query(listQuery), async (req, res) => {
    res.json(await tenders.listTenders(actorOf(req), page(req)));
  })
  .get('/tenders/:id/ocds', async (req, res) => {
    res.json(await ocdsReleasePackage(actorOf(req), id(req)));
  })
  .get('/tenders/:id', async (req, res) => {
    const actor = actorOf(req);
    res.json(tenders.tenderView(await tenders.loadTender(actor, id(req)), actor));
  })
  .post('/tenders/:id/publish', officer, async (req, res) => {
    res.json(await tenders.publishTender(actorOf(req), id(req)));
  })
  .put('/tenders/:id/opening', officer, body(openingBody), async (req, res) => {
    res.json(await tenders.setOpeningTime(actorOf(req), id(req), req.body.openingAt));
  })
  .post('/tenders/:id/cancel', officer, body(cancelBody), async (req, res) => {
    res.json(await tenders.cancelTender(actorOf(req), id(req), req.body.reason));
  })
  .post('/tenders/:id/questions', allow('vendor'), body(questionBody), async (req, res) => {
    res.status(201).json(await questions.askQuestion(actorOf(req), id(req), req.body.text));
  })
  .get('/tenders/:id/questions', async (req, res) => {
    res.json(await questions.listQuestions(actorOf(req), id(req)));
  })
  .post('/tenders/:id/questions/:qid/answer', officer, body(questionBody), async (req, res) => {
    res.json(await questions.answerQuestion(actorOf(req), id(req), String(req.params.qid), req.body.text));
  })
  .post('/tenders/:id/bids', allow('vendor'), body(bidBody), async (req, res) => {
    res.status(201).json(await bids.submitBid(actorOf(req), id(req), req.body));
  })
  .get('/tenders/:id/bids', async (req, res) => {
    res.json(await bids.listBids(actorOf(req), id(req)));
  })
  .get('/bids/:id', async (req, res) => {
    res.json(await bids.getBid(actorOf(req), id(req)));
  })
  .delete('/bids/:id', allow('vendor'), async (req, res) => {
    res.json(await bids.withdrawBid(actorOf(req), id(req)));
  })
  .post('/tenders/:id/evaluators', officer, body(evaluatorBody), async (req, res) => {
    res.json(await tenders.assignTenderEvaluator(actorOf(req), id(req), req.body.userId));
  })
  .post('/tenders/:id/coi', allow('evaluator'), body(coiBody), async (req, res) => {
    res.json(await tenders.declareTenderConflict(actorOf(req), id(req), req.body.conflict, req.body.note));
  })
  .post('/bids/:id/checks', officer, body(checksBody), async (req, res) => {
    res.json(await evaluation.recordChecks(actorOf(req), id(req), req.body));
  })
  .post('/bids/:id/scores', allow('evaluator'), body(scoreBody), async (req, res) => {
    res.json(await evaluation.scoreBid(actorOf(req), id(req), req.body));
  })
  .post('/tenders/:id/evaluation', officer, async (req, res) => {
    res.status(202).json(await evaluation.requestEvaluation(actorOf(req), id(req)));
  })
  .get('/tenders/:id/report.pdf', allow('procurement-officer', 'admin', 'evaluator'), async (req, res) => {
    sendPdf(res, await evaluationReport(actorOf(req), id(req)));
  })
  .get('/tenders/:id/evaluation', allow('procurement-officer', 'admin', 'evaluator'), async (req, res) => {
    res.json(await evaluation.getEvaluation(actorOf(req), id(req)));
  })
  .post('/tenders/:id/awards', officer, body(awardBody), async (req, res) => {
    res.status(201).json(await awardLot(actorOf(req), id(req), req.body));
  })
  .post('/tenders/:id/contracts', officer, body(contractBody), async (req, res) => {
    res.status(202).json(await requestContract(actorOf(req), id(req), req.body.lot));
  })
  .get('/tenders/:id/contracts', async (req, res) => {
    res.json(await listContracts(actorOf(req), id(req)));
  })
  .get('/contracts/:id', async (req, res) => {
    res.json(contractView(await getContract(actorOf(req), id(req))));
  })
  .get('/contracts/:id/pdf', async (req, res) => {
    const contract = await getContract(actorOf(req), id(req));
    if (contract.status !== 'ready') throw conflict('not-ready', `The contract PDF is ${contract.status}.`);
    sendPdf(res, await loadDocument(contractDocumentKey(id(req))));
  });
