import { randomBytes } from 'node:crypto';
import { expect } from 'chai';
import { isLoopback, MailCatcher } from '../../server/embedded/mail-catcher.js';
import { seal, unseal } from '../../server/keys/aead.js';

describe('GCM tags are taken whole', () => {
  it('when a box’s tag is cut to 12, 8 or 4 bytes, then it is refused; whole, it opens', () => {
    const key = randomBytes(32);
    const box = seal(key, Buffer.from('a share of the opening key'), Buffer.from('binding'));
    expect(unseal(key, box, Buffer.from('binding')).toString()).to.equal('a share of the opening key');
    for (const bytes of [12, 8, 4]) {
      const short = { ...box, tag: Buffer.from(box.tag, 'base64').subarray(0, bytes).toString('base64') };
      expect(() => unseal(key, short, Buffer.from('binding')), `${bytes} bytes`).to.throw(/16 bytes/);
    }
  });
});

describe('the development mail catcher answers this machine only', () => {
  it('when an address is of the loopback interface, then it is one; any other is not', () => {
    for (const a of ['127.0.0.1', '127.8.9.10', '::1', '::ffff:127.0.0.1'])
      expect(isLoopback(a), a).to.equal(true);
    for (const a of ['10.0.0.5', '192.168.1.2', '::ffff:10.0.0.5', 'fe80::1', '', undefined])
      expect(isLoopback(a), String(a)).to.equal(false);
  });

  it('when /dev/mail is asked from another machine, then 404; from this one, the page', async () => {
    const router = new MailCatcher().router();
    const ask = (remoteAddress: string) =>
      new Promise<number>((resolve) => {
        const res = {
          statusCode: 200,
          status(code: number) {
            this.statusCode = code;
            return this;
          },
          type() {
            return this;
          },
          send() {
            resolve(this.statusCode);
            return this;
          },
          setHeader() {},
        };
        const req = { method: 'GET', url: '/dev/mail', headers: {}, socket: { remoteAddress } };
        router(req as never, res as never, () => resolve(-1));
      });
    expect(await ask('10.1.2.3')).to.equal(404);
    expect(await ask('127.0.0.1')).to.equal(200);
  });
});
