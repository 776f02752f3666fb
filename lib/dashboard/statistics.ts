// Small, dependency-free statistics for the dashboard's figures: intervals, quantiles and a
// seedable random source, so an interval is the same on every reload and in every test.

/** Type 7 quantile (linear interpolation), as R's and NumPy's default. */
export function quantile(sorted: readonly number[], p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

/** A small, fast, seedable PRNG (Mulberry32): uniform in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A stable 32-bit seed from a string (FNV-1a), so each group's interval is reproducible. */
export function seedFrom(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

export function poisson(mean: number, random: () => number): number {
  if (mean < 30) {
    // Knuth: multiply uniforms until the product falls below e^−mean.
    const limit = Math.exp(-mean);
    let k = 0;
    let product = random();
    while (product > limit) {
      k++;
      product *= random();
    }
    return k;
  }
  // Large means: the normal approximation (error far below the interval's own sampling error).
  const z = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  return Math.max(0, Math.round(mean + Math.sqrt(mean) * z));
}

export interface MeanInterval {
  mean: number;
  low: number;
  high: number;
  n: number;
}

/**
 * The t interval of a mean from its running sums (n, Σx, Σx²). Deviations of one interviewer are
 * treated as independent, which overstates precision a little when they rate the same candidate on
 * several skills — the interval is a floor on the uncertainty, not a ceiling.
 */
export function meanInterval(n: number, sum: number, sumOfSquares: number, level = 0.95): MeanInterval | null {
  if (n < 2) return null;
  const mean = sum / n;
  const variance = Math.max(0, (sumOfSquares - n * mean * mean) / (n - 1));
  const half = studentT(level, n - 1) * Math.sqrt(variance / n);
  return { mean, low: mean - half, high: mean + half, n };
}

/** Two-sided critical value of Student's t (Cornish–Fisher expansion around the normal; < 0.5% off for df ≥ 3). */
export function studentT(level: number, df: number): number {
  const z = normalQuantile(1 - (1 - level) / 2);
  const g1 = (z ** 3 + z) / 4;
  const g2 = (5 * z ** 5 + 16 * z ** 3 + 3 * z) / 96;
  const g3 = (3 * z ** 7 + 19 * z ** 5 + 17 * z ** 3 - 15 * z) / 384;
  return z + g1 / df + g2 / df ** 2 + g3 / df ** 3;
}

/** Inverse of the standard normal CDF (Acklam's rational approximation, relative error < 1.2e-9). */
export function normalQuantile(p: number): number {
  const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const tail = (q: number) => (((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) / ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1);
  if (p < 0.02425) return tail(Math.sqrt(-2 * Math.log(p)));
  if (p > 1 - 0.02425) return -tail(Math.sqrt(-2 * Math.log(1 - p)));
  const q = p - 0.5;
  const r = q * q;
  return ((((((a[0]! * r + a[1]!) * r + a[2]!) * r + a[3]!) * r + a[4]!) * r + a[5]!) * q) / (((((b[0]! * r + b[1]!) * r + b[2]!) * r + b[3]!) * r + b[4]!) * r + 1);
}

/**
 * Fisher's z interval for Pearson's r from n pairs — the one used by question separation and by
 * predictive validity. z = atanh(r) is close to normal with standard error 1/√(n − 3) (Fisher 1921),
 * so the interval is tanh(z ± z₍₁₋α/₂₎/√(n − 3)). Null below 4 pairs or when r is undefined.
 */
export function correlationInterval(r: number | null, n: number, level = 0.95): { low: number; high: number } | null {
  if (r === null || n < 4) return null;
  // atanh(±1) is infinite: a perfect r is kept just inside the boundary instead of producing NaN.
  const clamped = Math.max(-0.999999, Math.min(0.999999, r));
  const z = Math.atanh(clamped);
  const half = normalQuantile(1 - (1 - level) / 2) / Math.sqrt(n - 3);
  return { low: Math.tanh(z - half), high: Math.tanh(z + half) };
}
