import { Router } from 'express';
import { contractBody } from '../../schemas/tenders.js';
import { actorOf } from '../accounts/access.js';
import { loadDocument, sendPdf } from '../documents/documents.service.js';
import { conflict } from '../errors.js';
import { idParam as id, officersOnly as officer } from '../http/params.js';
import { body } from '../http/validate.js';
import { contractDocumentKey, requestContract } from './contract-generation.js';
import { contractView, getContract, listContracts } from './contracts.service.js';
import { tenderResults } from './results.js';

/** Contracts after the standstill: asking for one, following its generation, reading its PDF. */
export const contractsRoutes = Router()
  .post('/tenders/:id/contracts', officer, body(contractBody), async (req, res) => {
    res.status(202).json(await requestContract(actorOf(req), id(req), req.body.lot));
  })
  .get('/tenders/:id/results', async (req, res) => {
    res.json(await tenderResults(actorOf(req), id(req)));
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
