import { Router } from 'express';
import { type Actor, actorOf, isOfficer } from '../accounts/access.js';
import { loadCall } from '../calls/calls.service.js';
import { conflict, notFound } from '../errors.js';
import { sendFile } from '../http/downloads.js';
import { idParam as id, officersOnly } from '../http/params.js';
import { query } from '../http/validate.js';
import { loadTender } from '../tenders/tender-access.js';
import { noticeKey, noticesOf } from './eforms.service.js';
import { EformsNotice, type EformsNoticeRecord } from './eforms-notice.model.js';
import { correctNotice } from './notice-correction.js';
import { callOwner, publishAwardNotice, tenderOwner } from './procedure-notices.js';

// The eForms notices of a call or tender, as published: a list with where each stands (on the
// board, at TED), and each notice's XML exactly as validated. A draft has none to show; officers
// also see a notice the platform made after the fact that breaks a rule, with the rules it breaks.

const versionQuery = {
  type: 'object',
  properties: { version: { type: 'string', pattern: '^[0-9]{2}$' } },
  additionalProperties: false,
} as const;

async function ownerOf(actor: Actor, kind: 'calls' | 'tenders', ownerId: string): Promise<string> {
  if (kind === 'calls') {
    const c = await loadCall(actor, ownerId);
    if (c.status === 'draft') throw conflict('not-published', 'A draft call has no notices.');
    return callOwner(ownerId);
  }
  const t = await loadTender(actor, ownerId);
  if (t.status === 'draft') throw conflict('not-published', 'A draft tender has no notices.');
  return tenderOwner(ownerId);
}

const view = (n: Omit<EformsNoticeRecord, 'xml'>, officer: boolean) => ({
  noticeId: n.noticeId,
  version: n.version,
  subtype: n.subtype,
  kind: n.kind,
  changes: n.changes,
  status: n.status,
  createdAt: n.createdAt,
  publishedAt: n.publishedAt,
  publicationNumber: n.publicationNumber,
  sha256: n.sha256,
  ...(n.ted?.reasons?.length ? { tedReasons: n.ted.reasons } : {}),
  ...(officer && n.validation ? { errors: n.validation.errors, warnings: n.validation.warnings } : {}),
});

async function list(actor: Actor, kind: 'calls' | 'tenders', ownerId: string) {
  const owner = await ownerOf(actor, kind, ownerId);
  const officer = isOfficer(actor);
  const notices = (await noticesOf(owner)).filter((n) => officer || n.status !== 'invalid');
  return { items: notices.map((n) => view(n, officer)) };
}

async function xmlOf(
  actor: Actor,
  kind: 'calls' | 'tenders',
  ownerId: string,
  noticeId: string,
  version?: string,
) {
  const owner = await ownerOf(actor, kind, ownerId);
  const versions = (await noticesOf(owner)).filter(
    (n) => n.noticeId === noticeId && (isOfficer(actor) || n.status !== 'invalid'),
  );
  const chosen = version ? versions.find((n) => n.version === version) : versions.at(-1);
  if (!chosen) throw notFound('The notice');
  const notice = await EformsNotice.findById(
    noticeKey(chosen.noticeId, chosen.version),
  ).lean<EformsNoticeRecord>();
  if (!notice) throw notFound('The notice');
  return notice;
}

export const eformsRoutes = Router();
for (const kind of ['calls', 'tenders'] as const) {
  eformsRoutes
    .get(`/${kind}/:id/eforms`, async (req, res) => {
      res.json(await list(actorOf(req), kind, id(req)));
    })
    .get(`/${kind}/:id/eforms/:noticeId`, query(versionQuery), async (req, res) => {
      const n = await xmlOf(
        actorOf(req),
        kind,
        id(req),
        String(req.params.noticeId),
        req.query.version as string | undefined,
      );
      sendFile(
        res,
        { bytes: Buffer.from(n.xml), contentType: 'application/xml', filename: `${n._id}.xml` },
        { 'X-Content-SHA256': n.sha256, 'Cache-Control': 'no-cache' },
      );
    })
    .post(`/${kind}/:id/eforms/:noticeId/correct`, officersOnly, async (req, res) => {
      const actor = actorOf(req);
      const owner = await ownerOf(actor, kind, id(req));
      const notice = await correctNotice(actor, owner, id(req), String(req.params.noticeId));
      res.status(201).json(view(notice, true));
    });
}
eformsRoutes.post('/tenders/:id/eforms/award-notice', officersOnly, async (req, res) => {
  await loadTender(actorOf(req), id(req));
  const notice = await publishAwardNotice(id(req));
  res.status(201).json(notice && view(notice, true));
});
