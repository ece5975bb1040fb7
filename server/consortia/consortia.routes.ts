import { Router } from 'express';
import { createConsortiumBody, invitationBody, resolutionBody, voteBody } from '../../schemas/consortia.js';
import { actorOf } from '../accounts/access.js';
import { listQuery } from '../http/params.js';
import { body, page, query } from '../http/validate.js';
import * as consortia from './consortia.service.js';
import * as resolutions from './resolutions.service.js';

const p = (value: string | string[] | undefined) => String(value);

/** Consortia, invitations, the agreement and resolutions with weighted votes. */
export const consortiaRoutes = Router()
  .post('/consortia', body(createConsortiumBody), async (req, res) => {
    res.status(201).json(await consortia.createConsortium(actorOf(req), req.body));
  })
  .get('/consortia', query(listQuery), async (req, res) => {
    res.json(await consortia.listConsortia(actorOf(req), page(req)));
  })
  .get('/consortia/:id', async (req, res) => {
    res.json(await consortia.consortiumView(await consortia.loadConsortium(actorOf(req), p(req.params.id))));
  })
  .post('/consortia/:id/invitations', body(invitationBody), async (req, res) => {
    res.status(201).json(await consortia.inviteMember(actorOf(req), p(req.params.id), req.body));
  })
  .post('/consortia/:id/invitations/:organisationId/accept', async (req, res) => {
    res.json(
      await consortia.answerInvitation(actorOf(req), p(req.params.id), p(req.params.organisationId), true),
    );
  })
  .post('/consortia/:id/invitations/:organisationId/decline', async (req, res) => {
    res.json(
      await consortia.answerInvitation(actorOf(req), p(req.params.id), p(req.params.organisationId), false),
    );
  })
  .post('/consortia/:id/agreement', async (req, res) => {
    res.json(await consortia.sealAgreement(actorOf(req), p(req.params.id)));
  })
  .post('/consortia/:id/resolutions', body(resolutionBody), async (req, res) => {
    res.status(201).json(await resolutions.proposeResolution(actorOf(req), p(req.params.id), req.body));
  })
  .get('/consortia/:id/resolutions', async (req, res) => {
    res.json(await resolutions.listResolutions(actorOf(req), p(req.params.id)));
  })
  .get('/consortia/:id/resolutions/:rid', async (req, res) => {
    res.json(await resolutions.getResolution(actorOf(req), p(req.params.id), p(req.params.rid)));
  })
  .post('/consortia/:id/resolutions/:rid/votes', body(voteBody), async (req, res) => {
    res.json(await resolutions.castVote(actorOf(req), p(req.params.id), p(req.params.rid), req.body.vote));
  });
