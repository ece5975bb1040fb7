import { Call, type CallRecord } from '../calls/call.model.js';
import { dataDigest } from '../digest.js';
import { Expression, type ExpressionRecord, expressionContent } from './expression.model.js';

/**
 * What a consortium's resolution approving an expression binds: whose it is and the SHA-256 of its
 * content now. The one query of the expressions stage that the consortia stage may ask.
 */
export async function expressionForApproval(expressionId: string): Promise<{
  consortiumId: string;
  contentSha256: string;
  label: { reference: string; title: string };
} | null> {
  const e = await Expression.findById(expressionId).lean<ExpressionRecord>();
  const call = e && (await Call.findById(e.callId, { reference: 1 }).lean<CallRecord>());
  return e
    ? {
        consortiumId: String(e.consortiumId),
        contentSha256: dataDigest(expressionContent(e)),
        // Named by the call it answers, and the start of its summary.
        label: {
          reference: call?.reference ?? String(e.callId),
          title: e.summary.length > 120 ? `${e.summary.slice(0, 119)}…` : e.summary,
        },
      }
    : null;
}
