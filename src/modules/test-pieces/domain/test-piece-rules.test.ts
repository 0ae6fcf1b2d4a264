import { pieceProblem, type PieceCharacteristicInput } from './test-piece-rules.js';

const diameter: PieceCharacteristicInput = { identifier: 'D', type: 'diameter', nominal: '50.000', unit: 'mm', tolerance: { kind: 'symmetric', value: '0.005' } };
const known = { value: '50.0012', expandedUncertainty: '0.0004' };
const calibration = { certificate: 'MIKES K012345', calibratedOn: '2025-03-10' };

describe('rules of a catalogue piece', () => {
  test("the job characteristic rules apply to a piece's characteristics", () => {
    expect(pieceProblem('nas', [diameter, diameter], null)).toContain('appears twice');
    expect(pieceProblem('bas', [{ ...diameter, nominal: undefined }], null)).toContain('needs a nominal');
    expect(pieceProblem('nas', [diameter], null)).toBeNull();
  });

  test("known values and a calibration belong to the lab's reference pieces only", () => {
    expect(pieceProblem('nas', [{ ...diameter, known }], calibration)).toContain('lab_reference');
    expect(pieceProblem('lab_modelled', [diameter], calibration)).toContain("leave out 'calibration'");
  });

  test('known values need their certificate and a positive uncertainty and coverage factor', () => {
    expect(pieceProblem('lab_reference', [{ ...diameter, known }], null)).toContain('certificate');
    expect(pieceProblem('lab_reference', [{ ...diameter, known: { ...known, expandedUncertainty: '0' } }], calibration)).toContain('more than zero');
    expect(pieceProblem('lab_reference', [{ ...diameter, known: { ...known, coverageFactor: '0' } }], calibration)).toContain('coverage factor');
    expect(pieceProblem('lab_reference', [{ ...diameter, known }], calibration)).toBeNull();
    expect(pieceProblem('lab_reference', [diameter], null)).toBeNull();
  });
});
