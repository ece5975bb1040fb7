import { Router } from 'express';
import { actorOf } from '../accounts/access.js';
import { notFound } from '../errors.js';
import { idParam as id } from '../http/params.js';
import { ocdsReleasePackage } from './ocds.service.js';
import { complaintsExtension } from './ocds-complaints.js';

/** Open data: a tender's OCDS release package. */
export const ocdsRoutes = Router()
  .get('/tenders/:id/ocds', async (req, res) => {
    res.json(await ocdsReleasePackage(actorOf(req), id(req)));
  })
  // The extension the packages name: the complaints (see schemas/ocds-complaints/).
  .get('/ocds/extensions/complaints/:file', (req, res) => {
    const file = complaintsExtension[String(req.params.file) as keyof typeof complaintsExtension];
    if (!file) throw notFound('The extension file');
    res.json(file);
  });
