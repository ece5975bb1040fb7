import { Router, text } from 'express';
import { bidBody, bidUploadBody } from '../../schemas/bids.js';
import { openingSecretBody } from '../../schemas/tenders.js';
import { actorOf, allow } from '../accounts/access.js';
import { idParam as id } from '../http/params.js';
import { body, bodyOrMultipart } from '../http/validate.js';
import { readerLanguage } from '../tenders/espd-request.js';
import { readBidDocument, sendBidDocument } from './bid-documents.js';
import * as reading from './bid-reading.js';
import { submitBidUpload } from './bid-upload.js';
import * as bids from './bids.service.js';
import * as ceremony from './ceremony.js';
import { confirmBid } from './confirmation.js';
import * as espd from './espd-response.js';
import { latestAnswers } from './espd-reuse.js';
import { bidderOpeningRecord } from './opening-for-bidders.js';

/** The doors that take `multipart/form-data`: a bid with its documents. */
export const multipartDoors = [/^\/tenders\/[^/]+\/bids$/];

/** The doors that read an XML body: an ESPD response made elsewhere, to prefill a bid's. */
export const xmlDoors = [/^\/tenders\/[^/]+\/espd-response\/import$/];

/** Sealed bids: submitting, replacing, withdrawing and reading them, and the opening by the committee. */
export const bidsRoutes = Router()
  .post('/tenders/:id/bids', allow('vendor'), bodyOrMultipart(bidBody, bidUploadBody), async (req, res) => {
    const actor = actorOf(req);
    res
      .status(201)
      .json(
        req.is('multipart/form-data')
          ? await submitBidUpload(actor, id(req), req)
          : await bids.submitBid(actor, id(req), req.body),
      );
  })
  .get('/tenders/:id/bids', async (req, res) => {
    res.json(await reading.listBids(actorOf(req), id(req)));
  })
  .get('/bids/:id', async (req, res) => {
    res.json(await reading.getBid(actorOf(req), id(req)));
  })
  .get('/bids/:id/espd-response', async (req, res) => {
    res.json(await espd.espdResponseView(actorOf(req), id(req), readerLanguage(req)));
  })
  .get('/bids/:id/espd-response.xml', async (req, res) => {
    res
      .type('application/xml')
      .send(await espd.espdResponseDocument(actorOf(req), id(req), readerLanguage(req)));
  })
  .post(
    '/tenders/:id/espd-response/import',
    allow('vendor'),
    text({ type: 'application/xml', limit: '5mb' }),
    async (req, res) => {
      res.json(await espd.importEspdResponse(actorOf(req), id(req), req.body));
    },
  )
  .get('/organisations/:organisationId/espd-answers', allow('vendor'), async (req, res) => {
    res.json(await latestAnswers(actorOf(req), String(req.params.organisationId)));
  })
  .get('/bids/:id/documents/:documentId', async (req, res) => {
    const bidKey = req.get('Bid-Key');
    sendBidDocument(res, await readBidDocument(actorOf(req), id(req), String(req.params.documentId), bidKey));
  })
  .post('/bids/:id/confirm', allow('vendor'), async (req, res) => {
    res.json(await confirmBid(actorOf(req), id(req)));
  })
  .delete('/bids/:id', allow('vendor'), async (req, res) => {
    res.json(await bids.withdrawBid(actorOf(req), id(req)));
  })
  .post(
    '/tenders/:id/opening/unlock',
    allow('procurement-officer'),
    body(openingSecretBody),
    async (req, res) => {
      res.status(202).json(await ceremony.unlockOpening(actorOf(req), id(req), req.body.secret));
    },
  )
  // Officers read the whole record; a bidder, once opened, what it is told of the opening.
  .get('/tenders/:id/opening', allow('procurement-officer', 'admin', 'vendor'), async (req, res) => {
    const actor = actorOf(req);
    res.json(
      actor.role === 'vendor'
        ? await bidderOpeningRecord(actor, id(req))
        : await ceremony.openingRecord(actor, id(req)),
    );
  });
