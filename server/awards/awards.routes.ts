import { Router } from 'express';
import { awardBody } from '../../schemas/tenders.js';
import { actorOf } from '../accounts/access.js';
import { idParam as id, officersOnly as officer } from '../http/params.js';
import { body } from '../http/validate.js';
import { awardLot, listAwards } from './awards.service.js';

/** Awards: the decision per lot, which starts the standstill. */
export const awardsRoutes = Router()
  .post('/tenders/:id/awards', officer, body(awardBody), async (req, res) => {
    res.status(201).json(await awardLot(actorOf(req), id(req), req.body));
  })
  .get('/tenders/:id/awards', async (req, res) => {
    res.json(await listAwards(actorOf(req), id(req)));
  });
