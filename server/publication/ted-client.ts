// TED's APIs as an eSender uses them: the Central Validation Service checks a notice as TED will
// (`POST /v3/notices/validate`, an SVRL report back), the Publication API takes it
// (`POST /api/v2/notice/notices/submit`, the notice and its metadata as multipart) and says where
// it stands (`GET /api/v2/notice/notices/search-esentool?businessId=…`) and stops one before it is
// published (`POST /v3/notices/{businessId}/stop-publication`). Each call has a time-out; a
// refusal (4xx) is an answer, anything else (5xx, a time-out, no connection) is worth a retry.

export interface TedSettings {
  apiKey: string;
  url: string;
  cvsUrl: string;
  timeoutMs: number;
}

/** TED refused the request: it will refuse it again, retrying is pointless. */
export class TedRefusal extends Error {
  constructor(
    readonly status: number,
    readonly reasons: string[],
  ) {
    super(`TED refused the notice (${status}): ${reasons.join('; ')}`);
    this.name = 'TedRefusal';
  }
}

/** Where a notice stands at TED. */
export interface TedNoticeState {
  status: 'SUBMITTED' | 'PUBLISHING' | 'PUBLISHED' | 'NOT_PUBLISHED' | 'STOPPED' | 'VALIDATION_FAILED';
  publicationNumber?: string;
  publicationDate?: string;
  reasons: string[];
}

async function call(s: TedSettings, url: string, init: RequestInit): Promise<Response> {
  const res = await fetch(url, { ...init, signal: AbortSignal.timeout(s.timeoutMs) });
  if (res.status >= 400 && res.status < 500) {
    const text = await res.text();
    let reasons = [text.slice(0, 500) || res.statusText];
    try {
      const body = JSON.parse(text) as { message?: string; errors?: { message?: string }[] };
      reasons = body.errors?.map((e) => e.message ?? '').filter(Boolean) ?? [body.message ?? text];
    } catch {}
    throw new TedRefusal(res.status, reasons);
  }
  if (!res.ok) throw new Error(`TED answered ${res.status} ${res.statusText}`);
  return res;
}

/** The rules TED's own validation finds broken (ERROR role), as `<id>: <text>`. */
export async function validateAtTed(s: TedSettings, xml: string): Promise<string[]> {
  const res = await call(s, `${s.cvsUrl}/v3/notices/validate`, {
    method: 'POST',
    headers: { 'X-API-KEY': s.apiKey, 'Content-Type': 'application/json', Accept: 'application/xml' },
    body: JSON.stringify({
      notice: Buffer.from(xml).toString('base64'),
      language: 'ENG',
      validationMode: 'static',
    }),
  });
  const svrl = await res.text();
  return [
    ...svrl.matchAll(
      /<svrl:failed-assert\b[^>]*\bid="([^"]+)"[^>]*\brole="(?:ERROR|error)"[^>]*>([\s\S]*?)<\/svrl:failed-assert>/g,
    ),
  ].map(
    (m) =>
      `${m[1]}: ${(m[2] ?? '')
        .replace(/<[^>]+>/g, ' ')
        .replace(/\s+/g, ' ')
        .trim()}`,
  );
}

/** Submits a notice for publication under its business id. */
export async function submitToTed(s: TedSettings, businessId: string, xml: string): Promise<void> {
  const form = new FormData();
  form.append('notice', new Blob([xml], { type: 'application/xml' }), `${businessId}.xml`);
  form.append(
    'metadata',
    new Blob([JSON.stringify({ businessId, noticeAuthorLocale: 'en' })], { type: 'application/json' }),
  );
  await call(s, `${s.url}/api/v2/notice/notices/submit`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${s.apiKey}` },
    body: form,
  });
}

/**
 * Stops the publication of a submitted notice (TED refuses, 4xx, once it is publishing: then the
 * notice can only be changed by a change notice).
 */
export async function stopAtTed(s: TedSettings, businessId: string): Promise<void> {
  await call(s, `${s.url}/v3/notices/${encodeURIComponent(businessId)}/stop-publication`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${s.apiKey}` },
  });
}

/** Where a submitted notice stands. */
export async function tedState(s: TedSettings, businessId: string): Promise<TedNoticeState> {
  const res = await call(
    s,
    `${s.url}/api/v2/notice/notices/search-esentool?businessId=${encodeURIComponent(businessId)}`,
    { headers: { Authorization: `Bearer ${s.apiKey}`, Accept: 'application/json' } },
  );
  const body = (await res.json()) as {
    items?: {
      businessId: string;
      status: TedNoticeState['status'];
      publicationInfo?: { publicationNumber?: string; publicationDate?: string };
      reasons?: string[];
    }[];
  };
  const item = body.items?.find((i) => i.businessId === businessId);
  if (!item) throw new Error(`TED does not know ${businessId} yet`);
  return {
    status: item.status,
    publicationNumber: item.publicationInfo?.publicationNumber,
    publicationDate: item.publicationInfo?.publicationDate,
    reasons: item.reasons ?? [],
  };
}
