import { Router } from 'express';
import {
  changeEmailBody,
  changePasswordBody,
  confirmEmailBody,
  createOrganisationBody,
  createUserBody,
  loginBody,
  organisationDetailsBody,
  organisationKinds,
  passwordFromLinkBody,
  resetBody,
  roles,
  subscriptionsBody,
} from '../../schemas/accounts.js';
import { country, objectId, pageQuery } from '../../schemas/common.js';
import { body, page, query } from '../http/validate.js';
import { actorOf, allow } from './access.js';
import * as accountAdmin from './account-admin.service.js';
import * as accounts from './accounts.service.js';
import { publicUser } from './accounts.service.js';
import * as credentials from './credentials.service.js';
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

/** Signing in and the one-time links' doors, open to anyone. */
export function loginRoutes(limiter: LoginLimiter) {
  return Router()
    .post('/auth/login', body(loginBody), async (req, res) => {
      res.json(await accounts.login(req.body.email, req.body.password, req.ip ?? '', limiter));
    })
    .post('/auth/password', body(passwordFromLinkBody), async (req, res) => {
      res.json(await credentials.setPasswordFromLink(req.body.token, req.body.password, limiter));
    })
    .post('/auth/reset', body(resetBody), async (req, res) => {
      await credentials.requestReset(req.body.email, req.ip ?? '', limiter);
      // The same answer whether or not the address has an account.
      res
        .status(202)
        .json({ sent: 'If this address has an account, a link to choose a password is on its way.' });
    })
    .post('/auth/email', body(confirmEmailBody), async (req, res) => {
      res.json(await credentials.confirmEmailChange(req.body.token));
    });
}

const userId = (req: { params: Record<string, unknown> }) => String(req.params.userId);

/** Accounts of signed-in users: /me, /organisations, /users. */
export const accountsRoutes = Router()
  .get('/me', async (req, res) => {
    res.json(await accounts.me(actorOf(req)));
  })
  .put('/me/password', body(changePasswordBody), async (req, res) => {
    res.json(await credentials.changeOwnPassword(actorOf(req), req.body.current, req.body.password));
  })
  .put('/me/email', body(changeEmailBody), async (req, res) => {
    res
      .status(202)
      .json(await credentials.requestEmailChange(actorOf(req), req.body.email, req.body.password));
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
  .patch(
    '/organisations/:organisationId',
    allow('admin'),
    body(organisationDetailsBody),
    async (req, res) => {
      res.json(
        await accounts.updateOrganisationDetails(actorOf(req), req.params.organisationId as string, req.body),
      );
    },
  )
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
  })
  .post('/users/:userId/invitation', allow('admin'), async (req, res) => {
    res.status(202).json(publicUser(await accountAdmin.resendInvitation(actorOf(req), userId(req))));
  })
  .post('/users/:userId/force-reset', allow('admin'), async (req, res) => {
    res.status(202).json(publicUser(await accountAdmin.forceReset(actorOf(req), userId(req))));
  })
  .post('/users/:userId/disable', allow('admin'), async (req, res) => {
    res.json(publicUser(await accountAdmin.setDisabled(actorOf(req), userId(req), true)));
  })
  .post('/users/:userId/enable', allow('admin'), async (req, res) => {
    res.json(publicUser(await accountAdmin.setDisabled(actorOf(req), userId(req), false)));
  });
