import { Router } from 'express';
import { noticesQuery } from '../../schemas/notices.js';
import { actorOf, allow } from '../accounts/access.js';
import { sendFile } from '../http/downloads.js';
import { page, query } from '../http/validate.js';
import { listNotices, noticeAttachment, readNotice, resendNotice } from './notices.desk.js';

/** GET /notices: a user's own notices; officers see all, with delivery status and attempts, and resend failed ones. */
export const noticesRoutes = Router()
  .get('/notices', query(noticesQuery), async (req, res) => {
    const { status, template, subject, procedure, recipient } = req.query as Record<
      string,
      string | undefined
    >;
    res.json(await listNotices(actorOf(req), { status, template, subject, procedure, recipient }, page(req)));
  })
  .get('/notices/:id', async (req, res) => {
    res.json(await readNotice(actorOf(req), String(req.params.id)));
  })
  .get('/notices/:id/attachments/:n', async (req, res) => {
    const n = Number(req.params.n);
    const file = await noticeAttachment(
      actorOf(req),
      String(req.params.id),
      Number.isInteger(n) && n >= 0 ? n : -1,
    );
    sendFile(res, {
      bytes: file.content as Buffer,
      contentType: file.contentType ?? 'application/octet-stream',
      filename: String(file.filename ?? 'attachment'),
    });
  })
  .post('/notices/:id/resend', allow('procurement-officer', 'admin'), async (req, res) => {
    res.status(202).json(await resendNotice(actorOf(req), String(req.params.id)));
  });
