import { Router } from 'express';
import { bidBody } from '../../schemas/tenders.js';
import { actorOf, allow } from '../accounts/access.js';
import { idParam as id } from '../http/params.js';
import { body } from '../http/validate.js';
import * as bids from './bids.service.js';

/** Sealed bids: submitting, replacing, withdrawing and reading them. */
export const bidsRoutes = Router()
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
  });
