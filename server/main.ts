import { type ChildProcess, fork } from 'node:child_process';
import type { Server } from 'node:http';
import path from 'node:path';
import { ensureFirstAdmin } from './accounts/accounts.service.js';
import { createApp } from './app.js';
import { ConfigError, loadConfig } from './config.js';
import { startEmbeddedServices } from './embedded/services.js';
import { httpServerFor } from './http/load-shedding.js';
import { compileRouteValidators } from './http/validate.js';
import { logger } from './logger.js';
import { projectRoot } from './paths.js';
import { startPlatform } from './platform.js';

/** `npm start`: the embedded services where settings leave them out, the API, and a worker process beside it. */
async function main(): Promise<void> {
  // Where a start's time goes, from the process's own start (`performance.now()`): logged once ready.
  const phases: Record<string, number> = { modules: Math.round(performance.now()) };
  const settings = loadConfig();
  const services = await startEmbeddedServices(settings);
  phases.services = Math.round(performance.now());
  const { config } = services;
  let server: Server | undefined;
  let worker: ChildProcess | undefined;
  let platform: Awaited<ReturnType<typeof startPlatform>> | undefined;
  let stopping = false;

  const stop = async (why: string, code = 0) => {
    if (stopping) return;
    stopping = true;
    logger.info({ why }, 'shutting down');
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    server?.closeAllConnections();
    if (worker && worker.exitCode === null) {
      const exited = new Promise((resolve) => worker?.once('exit', resolve));
      worker.kill('SIGTERM');
      await exited;
    }
    await platform?.close();
    await services.stop();
    process.exit(code);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));

  try {
    platform = await startPlatform(config);
    phases.database = Math.round(performance.now());
    const created =
      config.env === 'production' && !config.admin.fromEnvironment
        ? false
        : await ensureFirstAdmin(config.admin);
    const app = createApp({
      config,
      queues: platform.queues,
      redis: platform.redis,
      loginLimiter: platform.loginLimiter,
      extras: services.mailCatcher ? [services.mailCatcher.router()] : [],
    });
    server = httpServerFor(app, config.deadlines).listen(config.port);
    await new Promise((resolve, reject) => server?.once('listening', resolve).once('error', reject));
    phases.listening = Math.round(performance.now());
    logger.info({ phases }, 'serving');
    // Serving already: the routes' validators are compiled now rather than at their first request.
    setImmediate(compileRouteValidators);

    // The worker runs in its own process, exactly as `npm run worker` would, and stops with us.
    if (config.startWorker)
      worker = fork(path.join(projectRoot, 'dist', 'workers', 'main.js'), [], {
        env: {
          ...process.env,
          MONGODB_URI: config.mongodbUri,
          REDIS_URL: config.redisUrl,
          SMTP_URL: config.smtpUrl,
        },
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      });
    worker?.on('exit', (code) => {
      if (!stopping) void stop(`worker exited with code ${code}`, 1);
    });

    const lines = [
      '',
      'Joint procurement platform for SOC tooling is running.',
      `  console: ${config.publicUrl}/`,
      `  API:     ${config.publicUrl}/api/v1   (health: ${config.publicUrl}/readyz)`,
      ...services.started.map((s) => `  ${s}`),
      config.env === 'production'
        ? '  admin:   from ADMIN_EMAIL'
        : `  admin:   ${config.admin.email} / ${config.admin.password}${created ? ' (created now)' : ''}`,
      '  Stop with Ctrl+C.',
      '',
    ];
    console.log(lines.join('\n'));
  } catch (err) {
    logger.fatal({ err }, 'could not start');
    await stop('start-up failed', 1);
  }
}

main().catch((err) => {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
});
