import { Organisation } from '../accounts/organisation.model.js';
import type { Criterion } from '../calls/call.model.js';
import { criteriaErrors } from '../committee/committee.js';
import type { EspdRequestSpec } from '../espd/espd-request.js';
import type { FieldError } from '../validation.js';
import { espdRequestErrors } from './espd-request.js';

/** What a tender's content must be, whether drafted or amended: its weights, lots and review body. */
export async function contentErrors(
  input: {
    award?: { qualityWeight: number; priceWeight: number; criteria: readonly Criterion[] };
    lots?: readonly { number: number }[];
    reviewBodyId?: string;
    espd?: EspdRequestSpec;
  },
  prefix = '',
): Promise<FieldError[]> {
  const errors: FieldError[] = [];
  if (input.award) {
    errors.push(...criteriaErrors(input.award.criteria as Criterion[], `${prefix}/award/criteria`));
    if (Math.abs(input.award.qualityWeight + input.award.priceWeight - 1) > 1e-9)
      errors.push({
        path: `${prefix}/award/priceWeight`,
        message: 'qualityWeight + priceWeight must equal 1',
      });
  }
  const numbers = (input.lots ?? []).map((l) => l.number);
  numbers.forEach((n, i) => {
    if (numbers.indexOf(n) !== i)
      errors.push({ path: `${prefix}/lots/${i}/number`, message: 'is used by another lot' });
  });
  if (input.reviewBodyId) {
    const body = await Organisation.findById(input.reviewBodyId, { kind: 1 }).lean();
    if (body?.kind !== 'review-body')
      errors.push({
        path: `${prefix}/reviewBodyId`,
        message: 'names no review body (an organisation of kind review-body)',
      });
  }
  if (input.espd)
    errors.push(
      ...espdRequestErrors(
        input.espd,
        input.lots?.map((l) => l.number),
        prefix,
      ),
    );
  return errors;
}
