import { MAX_SEED, Xoshiro256, randomSeed, splitmix64 } from './random.js';
import { fillStandardNormal, nextStandardNormal, standardGamma, standardT } from './samplers.js';
import { normalCdf } from './special-functions.js';

/** Reference xoshiro256** on BigInt, transcribed from the authors' C code. */
function referenceXoshiro(seed: bigint): () => bigint {
  const mask = (1n << 64n) - 1n;
  const rotl = (x: bigint, k: bigint): bigint => ((x << k) | (x >> (64n - k))) & mask;
  const s = splitmix64(seed, 4) as [bigint, bigint, bigint, bigint];
  return () => {
    const result = (rotl((s[1] * 5n) & mask, 7n) * 9n) & mask;
    const t = (s[1] << 17n) & mask;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 45n);
    return result;
  };
}

describe('xoshiro256** generator', () => {
  it('seeds through splitmix64 (published test vector for seed 1234567)', () => {
    expect(splitmix64(1234567n, 3).map((x) => x.toString(16))).toEqual([
      '599ed017fb08fc85',
      '2c73f08458540fa5',
      '883ebce5a3f27c77',
    ]);
  });

  it('matches the 64-bit reference implementation bit for bit', () => {
    for (const seed of [0, 1, 42, MAX_SEED]) {
      const ref = referenceXoshiro(BigInt(seed));
      const rng = new Xoshiro256(seed);
      for (let i = 0; i < 2000; i++) {
        const [h, l] = rng.nextUint64Halves();
        expect((BigInt(h) << 32n) | BigInt(l)).toBe(ref());
      }
    }
  });

  it('fills the same doubles in bulk as one by one, from the top 53 bits', () => {
    const ref = referenceXoshiro(7n);
    const one = new Xoshiro256(7);
    const bulk = new Xoshiro256(7);
    const out = new Float64Array(1000);
    const bits = new Int32Array(1000);
    bulk.fillUniform(out, 1000, bits);
    for (let i = 0; i < 1000; i++) {
      const raw = ref();
      expect(out[i]).toBe(Number(raw >> 11n) / 2 ** 53);
      expect(bits[i]).toBe(Number(raw & 0x7ffn));
      expect(one.nextDouble()).toBe(out[i]);
      expect(one.spareBits).toBe(bits[i]);
    }
  });

  it('reproduces a stream from its seed and rejects unusable seeds', () => {
    const a = new Xoshiro256(99);
    const b = new Xoshiro256(99);
    const c = new Xoshiro256(100);
    const xs = Array.from({ length: 5 }, () => a.nextDouble());
    expect(Array.from({ length: 5 }, () => b.nextDouble())).toEqual(xs);
    expect(Array.from({ length: 5 }, () => c.nextDouble())).not.toEqual(xs);
    expect(() => new Xoshiro256(-1)).toThrow(RangeError);
    expect(() => new Xoshiro256(1.5)).toThrow(RangeError);
    const seed = randomSeed();
    expect(Number.isSafeInteger(seed) && seed >= 0).toBe(true);
  });
});

describe('samplers', () => {
  const N = 400_000;

  function moments(xs: Float64Array): { mean: number; variance: number } {
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    const variance = xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (xs.length - 1);
    return { mean, variance };
  }

  it('draws standard normal deviates with the right distribution (ziggurat, tails included)', () => {
    const rng = new Xoshiro256(2024);
    const z = new Float64Array(N);
    for (let o = 0; o < N; o += 1000) fillStandardNormal(rng, z.subarray(o, o + 1000), 1000);
    const { mean, variance } = moments(z);
    expect(Math.abs(mean)).toBeLessThan(5 / Math.sqrt(N));
    expect(Math.abs(variance - 1)).toBeLessThan(5 * Math.sqrt(2 / N));
    // Probabilities of falling below a few points, including the ziggurat's tail start 3.44.
    for (const edge of [-3.6, -3.44, -2, -1, 0, 0.5, 1.5, 3, 3.44]) {
      const p = normalCdf(edge);
      const observed = z.reduce((n, v) => n + (v < edge ? 1 : 0), 0) / N;
      expect(Math.abs(observed - p)).toBeLessThan(5 * Math.sqrt((p * (1 - p)) / N) + 1e-6);
    }
    const scalar = new Xoshiro256(5);
    const zs = Float64Array.from({ length: 100_000 }, () => nextStandardNormal(scalar));
    expect(Math.abs(moments(zs).variance - 1)).toBeLessThan(0.03);
  });

  it('draws gamma deviates with mean k and variance k, also for shape < 1', () => {
    for (const shape of [0.4, 1, 3.5]) {
      const rng = new Xoshiro256(11);
      const g = Float64Array.from({ length: 200_000 }, () => standardGamma(rng, shape));
      const { mean, variance } = moments(g);
      expect(Math.abs(mean - shape)).toBeLessThan(5 * Math.sqrt(shape / 200_000));
      expect(Math.abs(variance / shape - 1)).toBeLessThan(0.05);
    }
  });

  it('draws Student t deviates with variance nu / (nu - 2)', () => {
    const rng = new Xoshiro256(13);
    const t = Float64Array.from({ length: 200_000 }, () => standardT(rng, 10));
    const { mean, variance } = moments(t);
    expect(Math.abs(mean)).toBeLessThan(0.01);
    expect(Math.abs(variance - 1.25)).toBeLessThan(0.04);
  });
});
