import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

// A stand-in for TED's APIs as an eSender meets them (the real TED is out of reach in tests): the
// Central Validation Service answers an SVRL report, the Publication API takes a notice as
// multipart and answers its status — first PUBLISHING, then PUBLISHED with an OJ S number. What it
// does with the next submission is the test's to say: accept it, refuse it (400 with reasons), or
// keep the request waiting once so that the client's time-out and retry are exercised, or hold the
// notices `hold` picks as submitted (until stopped, as an eSender may while TED has not published).

export type SubmitBehaviour = 'accept' | 'reject' | 'hang-once';

interface Submitted {
  businessId: string;
  xml: string;
  polls: number;
  status: 'SUBMITTED' | 'PUBLISHING' | 'PUBLISHED' | 'NOT_PUBLISHED' | 'STOPPED';
  held?: boolean;
}

export interface FakeTed {
  url: string;
  apiKey: string;
  submitted: Map<string, Submitted>;
  requests: { method: string; path: string }[];
  /** What the next submissions meet, in order; then `accept`. */
  next: SubmitBehaviour[];
  /** Which accepted notices stay submitted (never published) until they are stopped. */
  hold: (xml: string) => boolean;
  close(): Promise<void>;
}

const body = (req: IncomingMessage) =>
  new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });

export async function startFakeTed(): Promise<FakeTed> {
  const apiKey = 'ted-test-key-0123456789';
  const submitted = new Map<string, Submitted>();
  const requests: FakeTed['requests'] = [];
  const next: SubmitBehaviour[] = [];
  let published = 0;
  const fake = { hold: () => false } as unknown as FakeTed;
  const hanging = new Set<import('node:http').ServerResponse>();
  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://ted.test');
    requests.push({ method: req.method ?? '', path: url.pathname });
    const json = (status: number, value: unknown) =>
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(value));
    if (url.pathname === '/v3/notices/validate' && req.method === 'POST') {
      if (req.headers['x-api-key'] !== apiKey) return json(401, { message: 'Unknown API key' });
      const { notice } = JSON.parse((await body(req)).toString()) as { notice: string };
      const xml = Buffer.from(notice, 'base64').toString();
      const broken = xml.includes('<cbc:NoticeTypeCode')
        ? ''
        : '<svrl:failed-assert id="BR-OPP-00070-0052" role="ERROR" location="/*"><svrl:text>No notice type</svrl:text></svrl:failed-assert>';
      return res
        .writeHead(200, { 'content-type': 'application/xml' })
        .end(
          `<svrl:schematron-output xmlns:svrl="http://purl.oclc.org/dsdl/svrl">${broken}</svrl:schematron-output>`,
        );
    }
    if (req.headers.authorization !== `Bearer ${apiKey}`) return json(401, { message: 'Unknown API key' });
    if (url.pathname === '/api/v2/notice/notices/submit' && req.method === 'POST') {
      const form = await new Request('http://ted.test', {
        method: 'POST',
        headers: { 'content-type': req.headers['content-type'] ?? '' },
        body: await body(req),
      }).formData();
      const metadata = JSON.parse(await (form.get('metadata') as Blob).text()) as { businessId: string };
      const xml = await (form.get('notice') as Blob).text();
      const behaviour = next.shift() ?? 'accept';
      if (behaviour === 'hang-once') {
        hanging.add(res);
        return;
      }
      if (behaviour === 'reject')
        return json(400, { errors: [{ message: 'The buyer is not registered with this eSender' }] });
      submitted.set(metadata.businessId, {
        businessId: metadata.businessId,
        xml,
        polls: 0,
        status: 'SUBMITTED',
        held: fake.hold(xml),
      });
      return json(201, { businessId: metadata.businessId, status: 'SUBMITTED' });
    }
    if (url.pathname === '/api/v2/notice/notices/search-esentool' && req.method === 'GET') {
      const id = url.searchParams.get('businessId') ?? '';
      const notice = submitted.get(id);
      if (!notice) return json(200, { items: [] });
      notice.polls++;
      if (notice.status === 'SUBMITTED' && !notice.held) notice.status = 'PUBLISHING';
      else if (notice.status === 'PUBLISHING') notice.status = 'PUBLISHED';
      if (notice.status === 'PUBLISHED' && !('number' in notice))
        Object.assign(notice, { number: `${++published}00042-2026` });
      return json(200, {
        items: [
          {
            businessId: id,
            status: notice.status,
            ...(notice.status === 'PUBLISHED'
              ? {
                  publicationInfo: {
                    publicationNumber: (notice as unknown as { number: string }).number,
                    publicationDate: new Date().toISOString(),
                  },
                }
              : {}),
          },
        ],
      });
    }
    const stop = /^\/v3\/notices\/([^/]+)\/stop-publication$/.exec(url.pathname);
    if (stop && req.method === 'POST') {
      const notice = submitted.get(decodeURIComponent(stop[1] ?? ''));
      if (!notice) return json(404, { message: 'Notice was not found' });
      if (notice.status !== 'SUBMITTED')
        return json(403, { message: 'Notice publication cannot be stopped' });
      notice.status = 'STOPPED';
      return json(200, { businessId: notice.businessId, status: 'STOPPED' });
    }
    json(404, { message: 'No such endpoint' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  Object.assign(fake, {
    url: `http://127.0.0.1:${port}`,
    apiKey,
    submitted,
    requests,
    next,
    async close() {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  });
  return fake;
}
