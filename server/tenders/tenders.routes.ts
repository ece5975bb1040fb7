import { Router } from 'express';
import { amendmentBody, answerBody, documentQuery, tenderDocumentUpload } from '../../schemas/amendments.js';
import { coiBody, evaluatorBody } from '../../schemas/calls.js';
import { espdCriteriaQuery } from '../../schemas/espd.js';
import {
  cancelBody,
  createTenderBody,
  lotCancelBody,
  openingBody,
  openingCommitteeBody,
  openingSecretBody,
  openingSecretConfirmBody,
  questionBody,
  tendersQuery,
} from '../../schemas/tenders.js';
import { actorOf, allow } from '../accounts/access.js';
import { sendFile } from '../http/downloads.js';
import { idParam as id, lotParam as lotNumber, officersOnly as officer } from '../http/params.js';
import { body, multipartOnly, page, query } from '../http/validate.js';
import * as amendments from './amendments.js';
import { espdRequestDocument, espdRequestView, offeredCriteria, readerLanguage } from './espd-request.js';
import { cancelLot } from './lot-cancellation.js';
import * as committee from './opening-committee.js';
import * as secrets from './opening-secrets.js';
import * as documents from './procurement-documents.js';
import * as questions from './questions.service.js';
import { loadTender } from './tender-access.js';
import { listTenders } from './tender-search.js';
import { tenderView } from './tender-view.js';
import * as tenders from './tenders.service.js';

/** The doors that take `multipart/form-data`: a procurement document. */
export const tenderMultipartDoors = [/^\/tenders\/[^/]+\/documents$/];

/** Tenders: lifecycle, opening time and committee, clarifications and the evaluation committee. */
export const tendersRoutes = Router()
  .post('/tenders', officer, body(createTenderBody), async (req, res) => {
    res.status(201).json(await tenders.createTender(actorOf(req), req.body));
  })
  .get('/tenders', query(tendersQuery), async (req, res) => {
    const search = req.query as {
      q?: string;
      cpv?: string;
      stage?: 'open' | 'closed';
      consortiumId?: string;
      sort?: 'published' | 'deadline' | 'reference';
    };
    res.json(await listTenders(actorOf(req), page(req), search));
  })
  .get('/tenders/:id', async (req, res) => {
    const actor = actorOf(req);
    res.json(tenderView(await loadTender(actor, id(req)), actor));
  })
  .get('/espd/criteria', query(espdCriteriaQuery), async (req, res) => {
    res.json(offeredCriteria(readerLanguage(req), req.query.q as string | undefined));
  })
  .get('/tenders/:id/espd-request', async (req, res) => {
    res.json(espdRequestView(await loadTender(actorOf(req), id(req)), readerLanguage(req)));
  })
  .get('/tenders/:id/espd-request.xml', async (req, res) => {
    const t = await loadTender(actorOf(req), id(req));
    res.type('application/xml').send(await espdRequestDocument(t, readerLanguage(req)));
  })
  .post('/tenders/:id/publish', officer, async (req, res) => {
    res.json(await tenders.publishTender(actorOf(req), id(req)));
  })
  .put('/tenders/:id/opening', officer, body(openingBody), async (req, res) => {
    res.json(await tenders.setOpeningTime(actorOf(req), id(req), req.body.openingAt));
  })
  .post('/tenders/:id/opening-committee', officer, body(openingCommitteeBody), async (req, res) => {
    res.json(await committee.seatOpeningCommittee(actorOf(req), id(req), req.body));
  })
  .put(
    '/tenders/:id/opening-committee/me',
    allow('procurement-officer'),
    body(openingSecretBody),
    async (req, res) => {
      res.json(await secrets.setOpeningSecret(actorOf(req), id(req), req.body));
    },
  )
  .post(
    '/tenders/:id/opening-committee/me/confirm',
    allow('procurement-officer'),
    body(openingSecretConfirmBody),
    async (req, res) => {
      res.json(await secrets.confirmOpeningSecret(actorOf(req), id(req), req.body.token));
    },
  )
  .post('/tenders/:id/cancel', officer, body(cancelBody), async (req, res) => {
    res.json(await tenders.cancelTender(actorOf(req), id(req), req.body.reason));
  })
  .post('/tenders/:id/lots/:lot/cancel', officer, body(lotCancelBody), async (req, res) => {
    res.json(await cancelLot(actorOf(req), id(req), lotNumber(req), req.body.reason));
  })
  .post('/tenders/:id/questions', allow('vendor'), body(questionBody), async (req, res) => {
    res.status(201).json(await questions.askQuestion(actorOf(req), id(req), req.body.text));
  })
  .get('/tenders/:id/questions', async (req, res) => {
    res.json(await questions.listQuestions(actorOf(req), id(req)));
  })
  .post('/tenders/:id/questions/:qid/answer', officer, body(answerBody), async (req, res) => {
    const { text, submissionDeadline } = req.body;
    res.json(
      await questions.answerQuestion(actorOf(req), id(req), String(req.params.qid), text, submissionDeadline),
    );
  })
  .get('/tenders/:id/documents', async (req, res) => {
    res.json(await documents.listTenderDocuments(actorOf(req), id(req)));
  })
  .post('/tenders/:id/documents', officer, multipartOnly(tenderDocumentUpload), async (req, res) => {
    res.status(201).json(await documents.addTenderDocument(actorOf(req), id(req), req));
  })
  .get('/tenders/:id/documents/:docId', query(documentQuery), async (req, res) => {
    const version = req.query.version === undefined ? undefined : Number(req.query.version);
    const doc = await documents.readTenderDocument(actorOf(req), id(req), String(req.params.docId), version);
    sendFile(
      res,
      { bytes: doc.bytes, contentType: doc.entry.contentType, filename: doc.entry.filename },
      {
        'X-Content-SHA256': doc.entry.sha256,
      },
    );
  })
  .get('/tenders/:id/amendments', async (req, res) => {
    res.json(await amendments.listAmendments(actorOf(req), id(req)));
  })
  .post('/tenders/:id/amendments', officer, body(amendmentBody), async (req, res) => {
    res.status(201).json(await amendments.proposeAmendment(actorOf(req), id(req), req.body));
  })
  .post('/tenders/:id/amendments/:aid/publish', officer, async (req, res) => {
    res.json(await amendments.publishAmendment(actorOf(req), id(req), String(req.params.aid)));
  })
  .post('/tenders/:id/evaluators', officer, body(evaluatorBody), async (req, res) => {
    res.json(await tenders.assignTenderEvaluator(actorOf(req), id(req), req.body.userId));
  })
  .post('/tenders/:id/coi', allow('evaluator'), body(coiBody), async (req, res) => {
    res.json(await tenders.declareTenderConflict(actorOf(req), id(req), req.body.conflict, req.body.note));
  });
