/** A complaint's JSON: against what (and the lot, but for the conditions), with grounds and text. */
export const complaintAgainst = (against: string, lot?: number) => ({
  ...(lot ? { lot } : {}),
  against,
  grounds: `The ${against} is unlawful`,
  text: `The ${against} breaches Directive 2014/24/EU; the complainant sets out why in the annex.`,
});
