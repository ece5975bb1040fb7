import { Router } from 'express';
import {
  createOrganisationBody,
  createUserBody,
  loginBody,
  organisationKinds,
  roles,
  subscriptionsBody,
} from '../../schemas/accounts.js';
import { country, objectId, pageQuery } from '../../schemas/common.js';
import { body, page, query } from '../http/validate.js';
import { actorOf, allow } from './access.js';
import * as accounts from './accounts.service.js';
import type { LoginLimiter } from './login-limiter.js';
import * as users from './users.service.js';

const organisationsQuery = {
  type: 'object',
  properties: {
    ...pageQuery.properties,
    kind: { enum: organisationKinds },
    country,
    q: { type: 'string', minLength: 1, maxLength: 100 },
  },
  additionalProperties: false,
} as const;
const usersQuery = {
  type: 'object',
  properties: {
    ...pageQuery.properties,
    organisationId: objectId,
    role: { enum: roles },
    q: { type: 'string', minLength: 1, maxLength: 100 },
  },
  additionalProperties: false,
} as const;

/** POST /auth/login, open to anyone. */
export function loginRoutes(limiter: LoginLimiter) {
  return Router().post('/auth/login', body(loginBody), async (req, res) => {
    res.json(await accounts.login(req.body.email, req.body.password, req.ip ?? '', limiter));
  });
}

/** Accounts of signed-in users: /me, /organisations, /users. */
export const accountsRoutes = Router()
  .get('/me', async (req, res) => {
    res.json(await accounts.me(actorOf(req)));
  })
  .post('/organisations', allow('admin'), body(createOrganisationBody), async (req, res) => {
    res.status(201).json(await accounts.createOrganisation(actorOf(req), req.body));
  })
  .get('/organisations', query(organisationsQuery), async (req, res) => {
    res.json(
      await accounts.listOrganisations(
        actorOf(req),
        req.query as Parameters<typeof accounts.listOrganisations>[1],
        page(req),
      ),
    );
  })
  .get('/organisations/:organisationId', async (req, res) => {
    res.json(await accounts.getOrganisation(actorOf(req), req.params.organisationId as string));
  })
  .put('/organisations/:organisationId/subscriptions', body(subscriptionsBody), async (req, res) => {
    res.json(
      await accounts.setSubscriptions(
        actorOf(req),
        req.params.organisationId as string,
        req.body.cpvPrefixes,
      ),
    );
  })
  .post('/users', allow('admin'), body(createUserBody), async (req, res) => {
    res.status(201).json(await users.createUser(actorOf(req), req.body));
  })
  .get('/users', allow('admin', 'procurement-officer'), query(usersQuery), async (req, res) => {
    res.json(await users.listUsers(req.query as Parameters<typeof users.listUsers>[0], page(req)));
  })
  .get('/users/:userId', allow('admin', 'procurement-officer'), async (req, res) => {
    res.json(await users.getUser(req.params.userId as string));
  });
