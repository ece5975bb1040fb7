import { Router } from 'express';
import { noticesQuery } from '../../schemas/notices.js';
import { actorOf } from '../accounts/access.js';
import { page, query } from '../http/validate.js';
import { listNotices } from './notices.service.js';

/** GET /notices: a user's own notices; officers see all, with delivery status and attempts. */
export const noticesRoutes = Router().get('/notices', query(noticesQuery), async (req, res) => {
  const { status, template, subject } = req.query as Record<string, string | undefined>;
  res.json(await listNotices(actorOf(req), { status, template, subject }, page(req)));
});
