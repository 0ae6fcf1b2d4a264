/**
 * Published worked examples as evaluation requests: the reference cases of the tests and the
 * benchmark, and ready-made examples for the API documentation.
 */
import type { EvaluationRequest } from './request-types.js';

/** Five readings whose mean is the 215 nm of GUM H.1 (their spread is irrelevant: s is pooled). */
const DBAR_READINGS = [205, 212, 215, 218, 225];

/**
 * JCGM 100:2008 H.1, calibration of an end gauge, lengths in nm and temperatures in degC, with
 * d = dbar + d1 + d2 and theta = thetabar + Delta entered as separate inputs. Published:
 * l = 50.000 838 mm, u_c = 32 nm, nu_eff = 16.7 (16), k99 = 2.92, U99 = 93 nm; 34 nm with the
 * second-order terms.
 */
export const END_GAUGE_H1: EvaluationRequest = {
  model: 'ls + dbar + d1 + d2 - ls * (dalpha * (thetabar + Delta) + alpha_s * dtheta)',
  inputs: [
    // certificate: U = 0.075 um with k = 3, 18 dof
    { name: 'ls', estimate: 50_000_623, unit: 'nm', dof: 18, distribution: { type: 'normal', expandedUncertainty: 75, coverageFactor: 3 } },
    // pooled s = 13 nm from 25 observations, mean of 5 readings
    { name: 'dbar', unit: 'nm', readings: DBAR_READINGS, pooledStandardDeviation: 13, pooledDof: 24 },
    // +-10 nm at 95 % from 6 replicates
    { name: 'd1', estimate: 0, unit: 'nm', dof: 5, distribution: { type: 'normal', expandedUncertainty: 10, coverageProbability: 0.95 } },
    // 20 nm "3 sigma", reliable to 25 %
    { name: 'd2', estimate: 0, unit: 'nm', relativeUncertaintyOfU: 0.25, distribution: { type: 'normal', expandedUncertainty: 20, coverageFactor: 3 } },
    { name: 'alpha_s', estimate: 11.5e-6, unit: '1/degC', distribution: { type: 'rectangular', halfWidth: 2e-6 } },
    { name: 'thetabar', estimate: -0.1, unit: 'degC', distribution: { type: 'normal', standardUncertainty: 0.2 } },
    { name: 'Delta', estimate: 0, unit: 'degC', distribution: { type: 'arcsine', halfWidth: 0.5 } },
    // +-1e-6 /degC, reliable to 10 %
    { name: 'dalpha', estimate: 0, unit: '1/degC', relativeUncertaintyOfU: 0.1, distribution: { type: 'rectangular', halfWidth: 1e-6 } },
    // +-0.05 degC, reliable to 50 %
    { name: 'dtheta', estimate: 0, unit: 'degC', relativeUncertaintyOfU: 0.5, distribution: { type: 'rectangular', halfWidth: 0.05 } },
  ],
  coverageProbability: 0.99,
};

/** JCGM 101:2008 9.2: Y = X1 + X2 + X3 + X4, each estimate 0 and u = 1, all normal or all rectangular. */
export function additiveModel(type: 'normal' | 'rectangular'): EvaluationRequest {
  const distribution =
    type === 'normal'
      ? ({ type: 'normal', standardUncertainty: 1 } as const)
      : ({ type: 'rectangular', lower: -Math.sqrt(3), upper: Math.sqrt(3) } as const);
  return {
    model: 'X1 + X2 + X3 + X4',
    inputs: ['X1', 'X2', 'X3', 'X4'].map((name) => (type === 'normal' ? { name, estimate: 0, distribution } : { name, distribution })),
    coverageProbability: 0.95,
  };
}
