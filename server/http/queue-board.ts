import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { type NextFunction, type Request, type Response, Router } from 'express';
import type { LoginLimiter } from '../accounts/login-limiter.js';
import { verifyPassword } from '../accounts/passwords.js';
import { User } from '../accounts/user.model.js';
import { type Queues, queueNames } from '../queues.js';

const BASE = '/admin/queues';

/** The BullMQ dashboard for administrators, behind HTTP Basic authentication (a browser cannot send a bearer token). */
export function queueBoard(queues: Queues, limiter: LoginLimiter): Router {
  const adapter = new ExpressAdapter();
  adapter.setBasePath(BASE);
  createBullBoard({
    queues: queueNames.map((name) => new BullMQAdapter(queues.queue(name))),
    serverAdapter: adapter,
  });
  const challenge = (res: Response) =>
    res
      .status(401)
      .setHeader('WWW-Authenticate', 'Basic realm="queues", charset="UTF-8"')
      .type('text')
      .send('Administrators only.');
  const adminsOnly = async (req: Request, res: Response, next: NextFunction) => {
    const match = /^Basic (.+)$/.exec(req.headers.authorization ?? '');
    if (!match?.[1]) return challenge(res);
    const decoded = Buffer.from(match[1], 'base64').toString('utf8');
    const email = decoded.slice(0, decoded.indexOf(':'));
    const password = decoded.slice(decoded.indexOf(':') + 1);
    try {
      await limiter.attempt(email, req.ip ?? '');
      const user = await User.findOne({ email: email.toLowerCase() }).lean();
      if (
        user?.role === 'admin' &&
        user.passwordHash &&
        (await verifyPassword(password, user.passwordHash))
      ) {
        await limiter.succeed(email, req.ip ?? '');
        return next();
      }
      return challenge(res);
    } catch (err) {
      return next(err);
    }
  };
  return Router().use(BASE, adminsOnly, adapter.getRouter());
}
