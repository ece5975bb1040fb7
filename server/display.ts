/** Rounds to 2 decimals for showing a number; computations keep full precision (DOMAIN.md). */
export const roundForDisplay = (n: number | null): number | null =>
  n === null ? null : Math.round(n * 100) / 100;
