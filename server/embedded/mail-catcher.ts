import { EventEmitter } from 'node:events';
import { mkdirSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Router } from 'express';
import type { ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { freePort } from './processes.js';

/** True for an address of this machine's loopback interface (IPv4, IPv6, or IPv4 mapped into IPv6). */
export const isLoopback = (address: string | undefined) =>
  !!address && (address === '::1' || /^(::ffff:)?127\./.test(address));

export interface CaughtMail {
  id: number;
  receivedAt: Date;
  raw: string;
  parsed: ParsedMail;
}

/**
 * The development mail catcher: a real SMTP server that keeps what it receives, as .eml files under
 * a folder and in memory, and shows it at /dev/mail. Tests use it to read what the platform sent.
 */
export class MailCatcher extends EventEmitter {
  readonly messages: CaughtMail[] = [];
  private server?: SMTPServer;
  port = 0;
  /** Tests may hold a message before it is accepted, to kill a sender mid-send. */
  beforeAccept?: (raw: string) => Promise<void>;

  constructor(private readonly folder?: string) {
    super();
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  async start(port?: number): Promise<this> {
    if (this.folder) mkdirSync(this.folder, { recursive: true });
    this.port = port ?? (await freePort());
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      banner: 'procurement mail catcher',
      logger: false,
      size: 25 * 1024 * 1024,
      onData: (stream, _session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', async () => {
          try {
            const raw = Buffer.concat(chunks).toString('utf8');
            if (this.beforeAccept) await this.beforeAccept(raw);
            const mail: CaughtMail = {
              id: this.messages.length + 1,
              receivedAt: new Date(),
              raw,
              // Loaded with the first message, not at start: the parser is heavy and the catcher often idle.
              parsed: await (await import('mailparser')).simpleParser(raw),
            };
            this.messages.push(mail);
            if (this.folder) {
              const name = `${mail.receivedAt.toISOString().replace(/[:.]/g, '-')}-${mail.id}.eml`;
              await writeFile(path.join(this.folder, name), raw);
            }
            this.emit('mail', mail);
            callback();
          } catch (err) {
            callback(err as Error);
          }
        });
      },
    });
    this.server.on('error', () => {});
    await new Promise<void>((resolve) => this.server?.listen(this.port, '127.0.0.1', resolve));
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /**
   * A small page to read the caught mail in a browser: GET /dev/mail and /dev/mail/:id, answered
   * only to this machine (the connection's own address, whatever a header claims): the mail holds
   * invitation and reset links.
   */
  router(): Router {
    const esc = (s: unknown) => String(s ?? '').replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
    return Router()
      .use('/dev/mail', (req, res, next) => {
        if (isLoopback(req.socket.remoteAddress)) return next();
        res.status(404).type('text').send('Not found.');
      })
      .get('/dev/mail', (_req, res) => {
        const rows = [...this.messages]
          .reverse()
          .map(
            (m) =>
              `<tr><td>${esc(m.receivedAt.toISOString())}</td><td>${esc(m.parsed.to && 'text' in m.parsed.to ? m.parsed.to.text : '')}</td>` +
              `<td><a href="/dev/mail/${m.id}">${esc(m.parsed.subject)}</a></td><td>${m.parsed.attachments.length}</td></tr>`,
          )
          .join('');
        res
          .type('html')
          .send(
            `<!doctype html><meta charset="utf-8"><title>Caught mail</title><style>body{font-family:sans-serif}td,th{padding:4px 8px;text-align:left}</style>` +
              `<h1>Caught mail (${this.messages.length})</h1><p>Also saved as .eml files in ${esc(this.folder)}.</p>` +
              `<table><tr><th>Received</th><th>To</th><th>Subject</th><th>Attachments</th></tr>${rows}</table>`,
          );
      })
      .get('/dev/mail/:id', (req, res) => {
        const mail = this.messages[Number(req.params.id) - 1];
        if (!mail) {
          res.status(404).type('text').send('No such message.');
          return;
        }
        const files = mail.parsed.attachments
          .map((a, i) => `<li><a href="/dev/mail/${mail.id}/attachments/${i}">${esc(a.filename)}</a></li>`)
          .join('');
        res
          .type('html')
          .send(
            `<p><a href="/dev/mail">← all mail</a></p><ul>${files}</ul>${mail.parsed.html || `<pre>${esc(mail.parsed.text)}</pre>`}`,
          );
      })
      .get('/dev/mail/:id/attachments/:n', (req, res) => {
        const attachment = this.messages[Number(req.params.id) - 1]?.parsed.attachments[Number(req.params.n)];
        if (!attachment) {
          res.status(404).type('text').send('No such attachment.');
          return;
        }
        res.type(attachment.contentType).send(attachment.content);
      });
  }
}
