import { type NextFunction, type Request, type Response, Router } from 'express';
import type { LoginLimiter } from '../accounts/login-limiter.js';
import { verifyPassword } from '../accounts/passwords.js';
import { User } from '../accounts/user.model.js';
import { type Queues, queueNames } from '../queues.js';

const BASE = '/admin/queues';

/** The dashboard's own router, made on its first visit (Bull Board is heavy to load, and seldom opened). */
async function dashboard(queues: Queues): Promise<Router> {
  const [{ createBullBoard }, { BullMQAdapter }, { ExpressAdapter }] = await Promise.all([
    import('@bull-board/api'),
    import('@bull-board/api/bullMQAdapter'),
    import('@bull-board/express'),
  ]);
  const adapter = new ExpressAdapter();
  adapter.setBasePath(BASE);
  createBullBoard({
    queues: queueNames.map((name) => new BullMQAdapter(queues.queue(name))),
    serverAdapter: adapter,
  });
  return adapter.getRouter() as Router;
}

/** The BullMQ dashboard for administrators, behind HTTP Basic authentication (a browser cannot send a bearer token). */
export function queueBoard(queues: Queues, limiter: LoginLimiter): Router {
  let board: Promise<Router> | undefined;
  const lazyBoard = (req: Request, res: Response, next: NextFunction) => {
    board ??= dashboard(queues);
    board.then((router) => router(req, res, next), next);
  };
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
  return Router().use(BASE, adminsOnly, lazyBoard);
}
