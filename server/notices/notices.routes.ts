import { Router } from 'express';
import { noticesQuery } from '../../schemas/notices.js';
import { actorOf, allow } from '../accounts/access.js';
import { page, query } from '../http/validate.js';
import { listNotices, resendNotice } from './notices.desk.js';

/** GET /notices: a user's own notices; officers see all, with delivery status and attempts, and resend failed ones. */
export const noticesRoutes = Router()
  .get('/notices', query(noticesQuery), async (req, res) => {
    const { status, template, subject } = req.query as Record<string, string | undefined>;
    res.json(await listNotices(actorOf(req), { status, template, subject }, page(req)));
  })
  .post('/notices/:id/resend', allow('procurement-officer', 'admin'), async (req, res) => {
    res.status(202).json(await resendNotice(actorOf(req), String(req.params.id)));
  });
