import { fork } from 'node:child_process';
import path from 'node:path';
import { expect } from 'chai';
import { Notice } from '../../server/notices/notice.model.js';
import { projectRoot } from '../../server/paths.js';
import { asAdmin, call, newOrganisation, newPerson } from '../support/api.js';
import { eventually, harness, mailTo } from '../support/harness.js';

describe('notices pipeline', () => {
  it('when a user is created, then an invitation arrives in their language, once, with a stable Message-ID', async () => {
    const org = await newOrganisation('hosting-entity', { country: 'NL', language: 'nl' });
    const rep = await newPerson('entity-representative', org, 'nl');
    const [mail] = await eventually(() => mailTo(rep.email).length === 1 && mailTo(rep.email));
    expect(mail?.parsed.subject).to.equal(
      'U bent uitgenodigd voor het platform voor gezamenlijke aanbestedingen',
    );
    expect(mail?.parsed.text).to.include('Er is een account voor u aangemaakt');
    expect(mail?.parsed.text).to.match(/\/account\/password#token=/);
    expect(mail?.parsed.html).to.include('<p>Beste ');
    const notice = await eventually(async () => {
      const res = await call('GET', `/notices?template=account-invitation&subject=${rep.id}`, {
        token: await asAdmin(),
      });
      return res.body.items[0]?.status === 'sent' && res.body.items[0];
    });
    expect(notice).to.include({ language: 'nl', to: rep.email, attempts: 1, status: 'sent' });
    expect(mail?.parsed.messageId).to.equal(notice.messageId);
  });

  it('when a person prefers a language without templates, then the notice falls back to English', async () => {
    const org = await newOrganisation('vendor', { country: 'PL', language: 'pl' });
    const vendor = await newPerson('vendor', org, 'pl');
    const [mail] = await eventually(() => mailTo(vendor.email).length === 1 && mailTo(vendor.email));
    expect(mail?.parsed.subject).to.equal('You are invited to the joint procurement platform');
  });

  it('when a user lists notices, then they see only their own; officers see all', async () => {
    const org = await newOrganisation('vendor');
    const vendor = await newPerson('vendor', org);
    await eventually(() => mailTo(vendor.email).length === 1);
    const own = await call('GET', '/notices', { token: vendor.token });
    expect(own.body.items.every((n: { to: string }) => n.to === vendor.email)).to.equal(true);
    expect(own.body.total).to.equal(1);
    const all = await call('GET', '/notices?limit=100', { token: await asAdmin() });
    expect(all.body.total).to.be.greaterThan(1);
  });

  it('when the SMTP server refuses a recipient permanently, then the notice is failed with the reason and not retried', async () => {
    const { mail } = harness();
    mail.beforeAccept = async (raw) => {
      if (raw.includes('refuse-me'))
        throw Object.assign(new Error('550 mailbox unavailable'), { responseCode: 550 });
    };
    try {
      const org = await newOrganisation('vendor');
      const res = await call('POST', '/users', {
        token: await asAdmin(),
        body: {
          email: 'refuse-me@people.test',
          name: 'Refused',
          role: 'vendor',
          organisationId: org,
          language: 'en',
        },
      });
      const failed = await eventually(async () => {
        const n = await Notice.findOne({ subject: res.body.id }).lean();
        return n?.status === 'failed' && n;
      });
      expect(failed.attempts).to.equal(1);
      expect(failed.lastError).to.match(/550|mailbox unavailable/);
    } finally {
      mail.beforeAccept = undefined;
    }
  });

  it('when a worker is killed mid-send, then another delivers the notice with the same Message-ID and nothing is lost', async function () {
    this.timeout(60_000);
    const h = harness();
    await h.stopWorkers();
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let reachedSmtp: () => void = () => {};
    const reached = new Promise<void>((resolve) => {
      reachedSmtp = resolve;
    });
    h.mail.beforeAccept = async (raw) => {
      if (raw.includes('crash-test')) {
        reachedSmtp();
        await held;
      }
    };
    const worker = fork(path.join(projectRoot, 'dist', 'workers', 'main.js'), [], {
      env: h.env,
      stdio: 'ignore',
    });
    try {
      const org = await newOrganisation('vendor');
      const res = await call('POST', '/users', {
        token: await asAdmin(),
        body: {
          email: 'crash-test@people.test',
          name: 'Crash Test',
          role: 'vendor',
          organisationId: org,
          language: 'en',
        },
      });
      await reached; // the child worker is in the middle of the SMTP DATA exchange
      worker.kill('SIGKILL');
      await new Promise((r) => worker.once('exit', r));
      h.mail.beforeAccept = undefined;
      release(); // the server had the message: it counts as delivered although the sender died
      await h.startWorkers(); // its stalled-job check hands the job to a live worker
      const notice = await eventually(async () => {
        const n = await Notice.findOne({ subject: res.body.id }).lean();
        return n?.status === 'sent' && n;
      }, 30_000);
      const received = mailTo('crash-test@people.test');
      expect(received.length).to.be.within(1, 2);
      expect(new Set(received.map((m) => m.parsed.messageId))).to.deep.equal(new Set([notice.messageId]));
      expect(notice.attempts).to.equal(2);
    } finally {
      h.mail.beforeAccept = undefined;
      release();
      if (worker.exitCode === null) worker.kill('SIGKILL');
      await h.startWorkers();
    }
  });
});
