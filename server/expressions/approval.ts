import { dataDigest } from '../digest.js';
import { Expression, type ExpressionRecord, expressionContent } from './expression.model.js';

/**
 * What a consortium's resolution approving an expression binds: whose it is and the SHA-256 of its
 * content now. The one query of the expressions stage that the consortia stage may ask.
 */
export async function expressionForApproval(
  expressionId: string,
): Promise<{ consortiumId: string; contentSha256: string } | null> {
  const e = await Expression.findById(expressionId).lean<ExpressionRecord>();
  return e ? { consortiumId: String(e.consortiumId), contentSha256: dataDigest(expressionContent(e)) } : null;
}
