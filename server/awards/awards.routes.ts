import { Router } from 'express';
import {
  bidderRequestBody,
  requestAnswerBody,
  requestAnswerUpload,
  requestDecisionBody,
} from '../../schemas/requests.js';
import { awardBody } from '../../schemas/tenders.js';
import { actorOf, allow } from '../accounts/access.js';
import { sendFile } from '../http/downloads.js';
import { idParam as id, officersOnly as officer } from '../http/params.js';
import { body, bodyOrMultipart } from '../http/validate.js';
import { awardLot, listAwards } from './awards.service.js';
import * as requests from './bidder-requests.js';
import { answerRequest, answerRequestUpload, readAnswerDocument } from './request-answers.js';

/** The doors that take `multipart/form-data`: an answer to a request with its documents. */
export const awardMultipartDoors = [/^\/requests\/[^/]+\/answer$/];

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
  .post(
    '/requests/:id/answer',
    allow('vendor'),
    bodyOrMultipart(requestAnswerBody, requestAnswerUpload),
    async (req, res) => {
      const actor = actorOf(req);
      res.json(
        req.is('multipart/form-data')
          ? await answerRequestUpload(actor, id(req), req)
          : await answerRequest(actor, id(req), req.body),
      );
    },
  )
  .get('/requests/:id/documents/:docId', async (req, res) => {
    const { doc, bytes } = await readAnswerDocument(actorOf(req), id(req), String(req.params.docId));
    sendFile(
      res,
      { bytes, contentType: doc.contentType, filename: doc.filename },
      { 'X-Content-SHA256': doc.sha256 },
    );
  })
  .post('/requests/:id/decision', officer, body(requestDecisionBody), async (req, res) => {
    res.json(await requests.decideRequest(actorOf(req), id(req), req.body));
  });
