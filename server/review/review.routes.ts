import { Router } from 'express';
import {
  complaintBody,
  complaintsQuery,
  complaintUpload,
  decideBody,
  refuseBody,
} from '../../schemas/review.js';
import { actorOf, allow } from '../accounts/access.js';
import { readPlainDocument } from '../documents/chunk-store.js';
import { notFound } from '../errors.js';
import { sendFile } from '../http/downloads.js';
import { idParam as id } from '../http/params.js';
import { body, bodyOrMultipart, page, query } from '../http/validate.js';
import * as steps from './complaint-steps.js';
import { lodgeComplaintUpload } from './complaint-upload.js';
import * as complaints from './complaints.service.js';
import { decisionPdf } from './decision-letter.js';

/** The doors that take `multipart/form-data`: a complaint with its documents. */
export const reviewMultipartDoors = [/^\/tenders\/[^/]+\/complaints$/];

const reviewer = allow('review-body');

/** Remedies: complaints to the tender's review body, its steps, and the public record. */
export const reviewRoutes = Router()
  .post(
    '/tenders/:id/complaints',
    allow('vendor'),
    bodyOrMultipart(complaintBody, complaintUpload),
    async (req, res) => {
      const actor = actorOf(req);
      res
        .status(201)
        .json(
          req.is('multipart/form-data')
            ? await lodgeComplaintUpload(actor, id(req), req)
            : await complaints.lodgeComplaint(actor, id(req), req.body),
        );
    },
  )
  .get('/tenders/:id/complaints', async (req, res) => {
    res.json(await complaints.listTenderComplaints(actorOf(req), id(req)));
  })
  .get('/complaints', query(complaintsQuery), async (req, res) => {
    res.json(await complaints.listComplaints(actorOf(req), req.query as never, page(req)));
  })
  .get('/complaints/:id', async (req, res) => {
    res.json(await complaints.getComplaint(actorOf(req), id(req)));
  })
  .get('/complaints/:id/documents/:docId', async (req, res) => {
    const actor = actorOf(req);
    const { c, t } = await complaints.loadComplaint(actor, id(req));
    const doc = complaints.isPartyTo(actor, c, t)
      ? c.documents.find((d) => d.id === req.params.docId)
      : undefined;
    if (!doc) throw notFound('The document');
    const bytes = await readPlainDocument({ id: doc.storedId, chunks: doc.chunks });
    sendFile(
      res,
      { bytes, contentType: doc.contentType, filename: doc.filename },
      { 'X-Content-SHA256': doc.sha256 },
    );
  })
  .get('/complaints/:id/decision.pdf', async (req, res) => {
    await complaints.loadComplaint(actorOf(req), id(req));
    const pdf = await decisionPdf(id(req));
    sendFile(res, { bytes: pdf.content, contentType: 'application/pdf', filename: pdf.filename });
  })
  .post('/complaints/:id/accept', reviewer, async (req, res) => {
    res.json(await steps.acceptComplaint(actorOf(req), id(req)));
  })
  .post('/complaints/:id/refuse', reviewer, body(refuseBody), async (req, res) => {
    res.json(await steps.refuseComplaint(actorOf(req), id(req), req.body.text));
  })
  .post('/complaints/:id/decide', reviewer, body(decideBody), async (req, res) => {
    res.json(await steps.decideComplaint(actorOf(req), id(req), req.body.outcome, req.body.text));
  })
  .post('/complaints/:id/withdraw', allow('vendor'), async (req, res) => {
    res.json(await steps.withdrawComplaint(actorOf(req), id(req)));
  });
