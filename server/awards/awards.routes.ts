import { Router } from 'express';
import { bidderRequestBody, requestAnswerBody, requestDecisionBody } from '../../schemas/requests.js';
import { awardBody } from '../../schemas/tenders.js';
import { actorOf, allow } from '../accounts/access.js';
import { idParam as id, officersOnly as officer } from '../http/params.js';
import { body } from '../http/validate.js';
import { awardLot, listAwards } from './awards.service.js';
import * as requests from './bidder-requests.js';

/** Awards: the decision per lot, which starts the standstill, and the requests to a bidder before it. */
export const awardsRoutes = Router()
  .post('/tenders/:id/awards', officer, body(awardBody), async (req, res) => {
    res.status(201).json(await awardLot(actorOf(req), id(req), req.body));
  })
  .get('/tenders/:id/awards', async (req, res) => {
    res.json(await listAwards(actorOf(req), id(req)));
  })
  .post('/tenders/:id/requests', officer, body(bidderRequestBody), async (req, res) => {
    res.status(201).json(await requests.askBidder(actorOf(req), id(req), req.body));
  })
  .get('/tenders/:id/requests', async (req, res) => {
    res.json(await requests.listRequests(actorOf(req), id(req)));
  })
  .get('/requests/:id', async (req, res) => {
    res.json(await requests.getRequest(actorOf(req), id(req)));
  })
  .post('/requests/:id/answer', allow('vendor'), body(requestAnswerBody), async (req, res) => {
    res.json(await requests.answerRequest(actorOf(req), id(req), req.body));
  })
  .post('/requests/:id/decision', officer, body(requestDecisionBody), async (req, res) => {
    res.json(await requests.decideRequest(actorOf(req), id(req), req.body));
  });
