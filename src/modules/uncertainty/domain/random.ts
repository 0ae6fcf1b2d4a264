/**
 * Seedable pseudo-random generator for Monte Carlo: xoshiro256** (Blackman and Vigna), seeded
 * through splitmix64 as its authors recommend. JCGM 101 (C.3) asks for a generator that passes
 * demanding statistical tests; xoshiro256** passes BigCrush and has period 2^256 - 1.
 *
 * JavaScript has no fast 64-bit integers (BigInt is far too slow in the inner loop), so each
 * 64-bit word is kept as two 32-bit halves and the shifts, rotations and the multiplications by
 * 5 and 9 are done on the halves. The output matches the reference C implementation bit for bit.
 */

const MASK64 = (1n << 64n) - 1n;
const TWO_POW_21 = 2097152;
const TWO_POW_MINUS_53 = 1 / 9007199254740992;
/**
 * Flipping the sign bit maps unsigned order onto signed order, so the carry of a 32-bit
 * addition is found with int32 comparisons only (no conversion to doubles in the hot loop).
 */
const SIGN = -2147483648;

/** Largest seed accepted: seeds must survive a JSON round trip exactly. */
export const MAX_SEED = Number.MAX_SAFE_INTEGER;

/** splitmix64 sequence from a seed (used only to expand the seed into the generator state). */
export function splitmix64(seed: bigint, count: number): bigint[] {
  let state = seed & MASK64;
  const out: bigint[] = [];
  for (let i = 0; i < count; i++) {
    state = (state + 0x9e3779b97f4a7c15n) & MASK64;
    let z = state;
    z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & MASK64;
    z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & MASK64;
    out.push(z ^ (z >> 31n));
  }
  return out;
}

/** xoshiro256** generator producing doubles uniform on [0, 1) with 53 random bits. */
export class Xoshiro256 {
  private s0h = 0; private s0l = 0;
  private s1h = 0; private s1l = 0;
  private s2h = 0; private s2l = 0;
  private s3h = 0; private s3l = 0;

  /** Seeds the state from an integer in [0, MAX_SEED] through splitmix64. */
  constructor(readonly seed: number) {
    if (!Number.isSafeInteger(seed) || seed < 0) throw new RangeError(`seed must be an integer in [0, ${MAX_SEED}]`);
    const [a, b, c, d] = splitmix64(BigInt(seed), 4) as [bigint, bigint, bigint, bigint];
    const hi = (x: bigint): number => Number(x >> 32n) | 0;
    const lo = (x: bigint): number => Number(x & 0xffffffffn) | 0;
    this.s0h = hi(a); this.s0l = lo(a);
    this.s1h = hi(b); this.s1l = lo(b);
    this.s2h = hi(c); this.s2l = lo(c);
    this.s3h = hi(d); this.s3l = lo(d);
  }

  /** Low half of the output of the last step(), to avoid allocating a pair per draw. */
  private lastLow = 0;

  /** Next raw 64-bit output as [high, low] unsigned 32-bit halves (for testing against the reference). */
  nextUint64Halves(): [number, number] {
    const h = this.step();
    return [h, this.lastLow >>> 0];
  }

  /** Uniform double on [0, 1). */
  nextDouble(): number {
    const h = this.step();
    return (h * TWO_POW_21 + (this.lastLow >>> 11)) * TWO_POW_MINUS_53;
  }

  /** Advances the generator; returns the high half of the output (unsigned), keeps the low half. */
  private step(): number {
    // result = rotl(s1 * 5, 7) * 9, with x * 5 = (x << 2) + x and x * 9 = (x << 3) + x
    const s1h = this.s1h;
    const s1l = this.s1l;
    let l = ((s1l << 2) + s1l) | 0;
    let h = (((s1h << 2) | (s1l >>> 30)) + s1h + ((l ^ SIGN) < (s1l ^ SIGN) ? 1 : 0)) | 0;
    const rh = (h << 7) | (l >>> 25);
    const rl = (l << 7) | (h >>> 25);
    l = ((rl << 3) + rl) | 0;
    h = (((rh << 3) | (rl >>> 29)) + rh + ((l ^ SIGN) < (rl ^ SIGN) ? 1 : 0)) | 0;
    this.lastLow = l;
    this.advance();
    return h >>> 0;
  }

  /**
   * The 11 low bits of the last 64-bit output that nextDouble() did not use. They are
   * independent of the returned double, so a sampler may use them (the ziggurat's layer index).
   */
  get spareBits(): number {
    return this.lastLow & 0x7ff;
  }

  /**
   * Fills out[0..n) with uniform doubles on [0, 1), and bits[0..n) (when given) with the spare
   * bits of each output as in `spareBits`. State is kept in locals for speed.
   */
  fillUniform(out: Float64Array, n: number, bits?: Int32Array): void {
    let s0h = this.s0h, s0l = this.s0l, s1h = this.s1h, s1l = this.s1l;
    let s2h = this.s2h, s2l = this.s2l, s3h = this.s3h, s3l = this.s3l;
    for (let i = 0; i < n; i++) {
      let l = ((s1l << 2) + s1l) | 0;
      let h = (((s1h << 2) | (s1l >>> 30)) + s1h + ((l ^ SIGN) < (s1l ^ SIGN) ? 1 : 0)) | 0;
      const rh = (h << 7) | (l >>> 25);
      const rl = (l << 7) | (h >>> 25);
      l = ((rl << 3) + rl) | 0;
      h = (((rh << 3) | (rl >>> 29)) + rh + ((l ^ SIGN) < (rl ^ SIGN) ? 1 : 0)) | 0;
      out[i] = ((h >>> 0) * TWO_POW_21 + (l >>> 11)) * TWO_POW_MINUS_53;
      if (bits !== undefined) bits[i] = l & 0x7ff;
      // state update, as in advance()
      const th = (s1h << 17) | (s1l >>> 15);
      const tl = s1l << 17;
      s2h ^= s0h; s2l ^= s0l;
      s3h ^= s1h; s3l ^= s1l;
      s1h ^= s2h; s1l ^= s2l;
      s0h ^= s3h; s0l ^= s3l;
      s2h ^= th; s2l ^= tl;
      const h3 = s3h;
      s3h = (s3l << 13) | (h3 >>> 19);
      s3l = (h3 << 13) | (s3l >>> 19);
    }
    this.s0h = s0h; this.s0l = s0l; this.s1h = s1h; this.s1l = s1l;
    this.s2h = s2h; this.s2l = s2l; this.s3h = s3h; this.s3l = s3l;
  }

  private advance(): void {
    const th = (this.s1h << 17) | (this.s1l >>> 15);
    const tl = this.s1l << 17;
    this.s2h ^= this.s0h; this.s2l ^= this.s0l;
    this.s3h ^= this.s1h; this.s3l ^= this.s1l;
    this.s1h ^= this.s2h; this.s1l ^= this.s2l;
    this.s0h ^= this.s3h; this.s0l ^= this.s3l;
    this.s2h ^= th; this.s2l ^= tl;
    // rotl(s3, 45) = swap the halves (rotate by 32), then rotate by 13
    const h3 = this.s3h;
    this.s3h = (this.s3l << 13) | (h3 >>> 19);
    this.s3l = (h3 << 13) | (this.s3l >>> 19);
  }
}

/** A fresh seed for a run that did not ask for one; it is reported so the run can be repeated. */
export function randomSeed(): number {
  const words = new Uint32Array(2);
  globalThis.crypto.getRandomValues(words);
  return ((words[0] as number) & 0x1fffff) * 4294967296 + (words[1] as number);
}
