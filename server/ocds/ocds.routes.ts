import { Router } from 'express';
import { actorOf } from '../accounts/access.js';
import { idParam as id } from '../http/params.js';
import { ocdsReleasePackage } from './ocds.service.js';

/** Open data: a tender's OCDS release package. */
export const ocdsRoutes = Router().get('/tenders/:id/ocds', async (req, res) => {
  res.json(await ocdsReleasePackage(actorOf(req), id(req)));
});
