import { Router } from 'express';
import { allow } from '../accounts/access.js';
import { verifyAuditChain } from './audit.service.js';

/** GET /audit/verify: the chain's verdict, naming the first broken link. */
export const auditRoutes = Router().get('/audit/verify', allow('admin'), async (_req, res) => {
  res.json(await verifyAuditChain());
});
