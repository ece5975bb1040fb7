export interface CostShare {
  organisationId: string;
  cents: number;
}

/**
 * Splits `totalCents` in proportion to `weights` by the largest-remainder method, so the parts
 * add up to the whole exactly; ties in remainder go to the earlier entry.
 */
export function largestRemainder(
  totalCents: number,
  weights: { id: string; weight: number }[],
): { id: string; cents: number }[] {
  const sum = weights.reduce((s, w) => s + w.weight, 0);
  if (sum <= 0 || totalCents <= 0) return weights.map((w) => ({ id: w.id, cents: 0 }));
  // Integer arithmetic in BigInt: exact quotients and remainders, whatever the amounts.
  const total = BigInt(totalCents);
  const big = BigInt(sum);
  const parts = weights.map((w, index) => {
    const numerator = total * BigInt(w.weight);
    return { id: w.id, index, cents: numerator / big, remainder: numerator % big };
  });
  let left = total - parts.reduce((s, p) => s + p.cents, 0n);
  for (const p of [...parts].sort((a, b) =>
    b.remainder > a.remainder ? 1 : b.remainder < a.remainder ? -1 : a.index - b.index,
  )) {
    if (left <= 0n) break;
    p.cents += 1n;
    left -= 1n;
  }
  return parts.map((p) => ({ id: p.id, cents: Number(p.cents) }));
}

export interface CostSplit {
  valueCents: number;
  euCents: number;
  members: CostShare[];
}

/**
 * The EU pays min(co-funding rate × value, rounded down to the cent; what is left of the grant);
 * the members pay the rest in proportion to their contributions (largest remainder).
 */
export function splitCostShares(
  valueCents: number,
  cofundingRate: number,
  grantLeftCents: number,
  members: { organisationId: string; contributionCents: number }[],
): CostSplit {
  const byRate = Number((BigInt(valueCents) * BigInt(Math.round(cofundingRate * 1_000_000))) / 1_000_000n);
  const euCents = Math.max(0, Math.min(byRate, grantLeftCents));
  const shares = largestRemainder(
    valueCents - euCents,
    members.map((m) => ({ id: m.organisationId, weight: m.contributionCents })),
  );
  return { valueCents, euCents, members: shares.map((s) => ({ organisationId: s.id, cents: s.cents })) };
}
