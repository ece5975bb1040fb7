import { Router } from 'express';
import { actorOf } from '../accounts/access.js';
import { homeOf } from './home.service.js';

/** GET /me/home: what waits for the signed-in person, by role (the console's landing page). */
export const homeRoutes = Router().get('/me/home', async (req, res) => {
  res.json(await homeOf(actorOf(req)));
});
