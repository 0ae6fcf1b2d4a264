import { readQifUnits, unitOfValue } from './qif-units.js';
import { readQifDocument } from './qif-xml.js';

const unit = (element: string, si: string, name: string, factor?: string, offset?: string) =>
  `<${element}><SIUnitName>${si}</SIUnitName><UnitName>${name}</UnitName>${factor || offset ? `<UnitConversion>${factor ? `<Factor>${factor}</Factor>` : ''}${offset ? `<Offset>${offset}</Offset>` : ''}</UnitConversion>` : ''}</${element}>`;

const unitsOf = (primary: string, other = '') =>
  readQifUnits(readQifDocument(`<QIFDocument xmlns="http://qifstandards.org/xsd/qif3" versionQIF="3.0.0"><FileUnits><PrimaryUnits>${primary}</PrimaryUnits>${other}</FileUnits></QIFDocument>`));

const value = (attrs: Record<string, string> = {}) => ({ name: 'Value', attrs, children: [], text: '1' });

describe('QIF units as LIMS units', () => {
  test('the PMI units override the plain primary units', () => {
    const units = unitsOf(unit('LinearUnit', 'meter', 'mm', '0.001') + unit('PMILinearUnit', 'meter', 'inch', '0.0254') + unit('AngularUnit', 'radian', 'radian'));
    expect(unitOfValue(value(), 'linear', units)).toEqual({ unit: 'in' });
    expect(unitOfValue(value(), 'angular', units)).toEqual({ unit: 'rad' });
  });

  test('a unit name the table lacks is known by its SI unit and factor; an offset or another factor is not', () => {
    const units = unitsOf(unit('LinearUnit', 'meter', 'MILLI', '0.001'), `<OtherUnits n="2">${unit('LinearUnit', 'meter', 'tenth', '0.0001')}${unit('AngularUnit', 'radian', 'grad', '0.015707963267949')}</OtherUnits>`);
    expect(unitOfValue(value(), 'linear', units)).toEqual({ unit: 'mm' });
    expect(unitOfValue(value({ linearUnit: 'tenth' }), 'linear', units)).toEqual({ problem: expect.stringContaining('"tenth" has no counterpart') });
    expect(unitOfValue(value({ angularUnit: 'grad' }), 'angular', units)).toEqual({ problem: expect.stringContaining('"grad"') });
    const shifted = unitsOf(unit('LinearUnit', 'meter', 'shifted', '0.001', '5'));
    expect(unitOfValue(value(), 'linear', shifted)).toEqual({ problem: expect.stringContaining('"shifted" has no counterpart') });
  });

  test('a value naming an undeclared but common unit is read by its name; a file without units names the gap', () => {
    const none = unitsOf('');
    expect(unitOfValue(value({ linearUnit: 'um' }), 'linear', none)).toEqual({ unit: 'µm' });
    expect(unitOfValue(value(), 'angular', none)).toEqual({ problem: expect.stringContaining('gives no angular unit') });
  });
});
