import { detectFileType, nameMismatch } from './file-type.js';
import { protocolOfSchema, readStepHeader } from './step-header.js';
import { readQifRoot } from './qif-root.js';

const step = (schema: string, name = 'bracket.stp') =>
  Buffer.from(
    [
      'ISO-10303-21;',
      'HEADER;',
      "FILE_DESCRIPTION(('Bracket 40-123 rev. C'),'2;1');",
      `FILE_NAME('${name}','2026-03-02T09:15:00',('Matti Mittaaja','Liisa Laatu'),('Konepaja Oy'),'ST-DEVELOPER v18','NX 2306','');`,
      `FILE_SCHEMA(('${schema}'));`,
      'ENDSEC;',
      'DATA;',
      "#1=PRODUCT('40-123','Bracket','',(#2));",
      'ENDSEC;',
      'END-ISO-10303-21;',
    ].join('\n'),
  );

describe('STEP (ISO 10303-21)', () => {
  test.each([
    ['CONFIG_CONTROL_DESIGN', 'AP203'],
    ['AP203_CONFIGURATION_CONTROLLED_3D_DESIGN_OF_MECHANICAL_PARTS_AND_ASSEMBLIES_MIM_LF { 1 0 10303 403 3 1 4 }', 'AP203'],
    ['AUTOMOTIVE_DESIGN { 1 0 10303 214 3 1 1 }', 'AP214'],
    ['AUTOMOTIVE_DESIGN_CC2', 'AP214'],
    ['AP242_MANAGED_MODEL_BASED_3D_ENGINEERING_MIM_LF { 1 0 10303 442 1 1 4 }', 'AP242'],
    ['MANAGED_MODEL_BASED_3D_ENGINEERING_MIM { 1 0 10303 442 3 1 4 }', 'AP242'],
  ])('FILE_SCHEMA %s is %s', (schema, ap) => {
    const type = detectFileType(step(schema));
    expect(type).toEqual({
      format: 'step',
      mediaType: 'model/step',
      details: { applicationProtocol: ap, schemas: [schema], fileName: 'bracket.stp', timeStamp: '2026-03-02T09:15:00', originatingSystem: 'NX 2306' },
    });
  });

  test('another schema is still STEP, with the schema kept and no AP', () => {
    expect(detectFileType(step('IFC2X3'))?.details).toMatchObject({ applicationProtocol: null, schemas: ['IFC2X3'] });
    expect(protocolOfSchema('STRUCTURAL_ANALYSIS_DESIGN')).toBeNull();
  });

  test("quotes doubled inside strings, comments and a byte order mark are read as Part 21 says", () => {
    const text = "\uFEFF/* exported */ ISO-10303-21;\nHEADER;\nFILE_NAME(/* name */ 'O''Brien''s bracket.stp', '', (''), (''), '', '', '');\nFILE_SCHEMA (( 'AUTOMOTIVE_DESIGN' ));\nENDSEC;";
    expect(readStepHeader(text)).toMatchObject({ fileName: "O'Brien's bracket.stp", applicationProtocol: 'AP214' });
  });

  test('a header cut off by the end of the bytes read gives what was read', () => {
    expect(readStepHeader("ISO-10303-21;\nHEADER;\nFILE_NAME('a.stp','2026")).toEqual({ applicationProtocol: null, schemas: [], fileName: null, timeStamp: null, originatingSystem: null });
  });

  test('text that merely mentions ISO-10303-21 later is not STEP', () => {
    expect(detectFileType(Buffer.from('Notes on ISO-10303-21; files'))).toBeNull();
  });
});

describe('QIF (ISO 23952)', () => {
  test('root QIFDocument with versionQIF and namespace', () => {
    const xml = '<?xml version="1.0" encoding="utf-8"?>\n<!-- exported -->\n<QIFDocument xmlns="http://qifstandards.org/xsd/qif3" idMax="12"\n  versionQIF="3.0.0">\n<Header/>';
    expect(detectFileType(Buffer.from(xml))).toEqual({ format: 'qif', mediaType: 'application/xml', details: { version: '3.0.0', major: 3, namespace: 'http://qifstandards.org/xsd/qif3' } });
  });

  test('a prefixed root takes its version from the namespace when versionQIF is missing', () => {
    expect(readQifRoot("<q:QIFDocument xmlns:q='http://qifstandards.org/xsd/qif3'>")).toEqual({ version: null, major: 3, namespace: 'http://qifstandards.org/xsd/qif3' });
  });

  test('other XML is not QIF', () => {
    expect(detectFileType(Buffer.from('<?xml version="1.0"?><QIFDocumentation/>'))).toBeNull();
    expect(detectFileType(Buffer.from('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
  });
});

describe('PDF, images, DXF', () => {
  test('PDF with its version, also after leading bytes', () => {
    expect(detectFileType(Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj', 'latin1'))).toEqual({ format: 'pdf', mediaType: 'application/pdf', details: { version: '1.7' } });
    expect(detectFileType(Buffer.from('\r\n\r\n%PDF-2.0\n'))?.details).toEqual({ version: '2.0' });
  });

  test('PNG with its size from IHDR', () => {
    const png = Buffer.alloc(33);
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]).copy(png);
    png.write('IHDR', 12, 'latin1');
    png.writeUInt32BE(640, 16);
    png.writeUInt32BE(480, 20);
    expect(detectFileType(png)).toEqual({ format: 'png', mediaType: 'image/png', details: { width: 640, height: 480 } });
  });

  test('JPEG, GIF and TIFF by their signatures', () => {
    expect(detectFileType(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16]))?.format).toBe('jpeg');
    const gif = Buffer.from('GIF89a\x20\x03\x58\x02', 'latin1');
    expect(detectFileType(gif)).toEqual({ format: 'gif', mediaType: 'image/gif', details: { version: '89a', width: 800, height: 600 } });
    expect(detectFileType(Buffer.from('II*\0\x08\0\0\0', 'latin1'))?.details).toEqual({ byteOrder: 'little-endian', bigTiff: false });
    expect(detectFileType(Buffer.from('MM\0*\0\0\0\x08', 'latin1'))?.details).toEqual({ byteOrder: 'big-endian', bigTiff: false });
  });

  test('ASCII DXF with comments, CRLF and indented group codes, with the AutoCAD version', () => {
    const dxf = '999\r\nexported by LibreCAD\r\n  0\r\nSECTION\r\n  2\r\nHEADER\r\n  9\r\n$ACADVER\r\n  1\r\nAC1027\r\n  0\r\nENDSEC\r\n';
    expect(detectFileType(Buffer.from(dxf))).toEqual({ format: 'dxf', mediaType: 'image/vnd.dxf', details: { encoding: 'ascii', version: 'AC1027' } });
    expect(detectFileType(Buffer.from('0\nSECTION\n2\nENTITIES\n0\nLINE\n'))?.details).toEqual({ encoding: 'ascii' });
  });

  test('binary DXF by its sentinel', () => {
    expect(detectFileType(Buffer.from('AutoCAD Binary DXF\r\n\x1a\x00\x00\x00', 'latin1'))?.details).toEqual({ encoding: 'binary' });
  });
});

describe('unknown content', () => {
  test.each([
    ['a ZIP archive', Buffer.from('PK\x03\x04\x14\x00', 'latin1')],
    ['plain text', Buffer.from('Dear lab, please measure the bracket.')],
    ['an executable', Buffer.from('MZ\x90\x00\x03', 'latin1')],
    ['nothing', Buffer.alloc(0)],
    ['text that looks a bit like DXF', Buffer.from('0\nSECTION\n2\nSOMETHING\n')],
  ])('%s is not accepted', (_name, bytes) => {
    expect(detectFileType(bytes)).toBeNull();
  });
});

describe('name and content', () => {
  test('a name saying another type gives a warning; the content decides', () => {
    expect(nameMismatch('bracket.pdf', 'step')).toMatch(/suggests PDF, but the content is STEP/);
    expect(nameMismatch('bracket.STEP', 'step')).toBeNull();
    expect(nameMismatch('scan.jpg', 'jpeg')).toBeNull();
    expect(nameMismatch('no-extension', 'pdf')).toBeNull();
    expect(nameMismatch('notes.txt', 'pdf')).toBeNull();
  });
});
