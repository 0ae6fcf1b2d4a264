import { XML_LIMITS, readQifDocument } from './qif-xml.js';

const ROOT = '<QIFDocument xmlns="http://qifstandards.org/xsd/qif3" versionQIF="3.0.0">';
const qif = (inner: string, prolog = '') => `<?xml version="1.0"?>\n${prolog}${ROOT}${inner}</QIFDocument>`;

function refusal(xml: string): { code?: string; details?: unknown } | null {
  try {
    readQifDocument(xml);
  } catch (error) {
    return { code: (error as { code?: string }).code, details: (error as { details?: unknown }).details };
  }
  return null;
}

describe('XML limits', () => {
  test('a document type is refused wherever it is, so no entity is ever declared or expanded', () => {
    for (const xml of [
      qif('<QPId>&b;</QPId>', '<!DOCTYPE QIFDocument [<!ENTITY a "ha"><!ENTITY b "&a;&a;&a;&a;">]>'),
      qif('<QPId>&x;</QPId>', '<!-- exported -->\n<!DOCTYPE QIFDocument [<!ENTITY x SYSTEM "file:///etc/passwd">]>'),
      qif('<!DOCTYPE x [<!ENTITY y "z">]><QPId>&y;</QPId>'),
    ]) {
      expect(refusal(xml)).toMatchObject({ code: 'LIMS_QIF_DTD_REFUSED' });
    }
  });

  test('the five predefined entities are still decoded', () => {
    expect(readQifDocument(qif('<QPId>A &amp; B &lt;C&gt;</QPId>')).children[0]!.text).toBe('A & B <C>');
  });

  test('nesting below the root: the limit itself is read, deeper is refused naming the limit (100,000 levels too)', () => {
    const nested = (depth: number) => qif(`${'<a>'.repeat(depth)}${'</a>'.repeat(depth)}`);
    expect(refusal(nested(XML_LIMITS.maxDepth))).toBeNull();
    expect(refusal(nested(XML_LIMITS.maxDepth + 1))).toEqual({ code: 'LIMS_IMPORT_LIMIT_EXCEEDED', details: { limit: 'xmlDepth', max: XML_LIMITS.maxDepth } });
    expect(refusal(nested(100_000))).toMatchObject({ details: { limit: 'xmlDepth' } });
  });

  test('a text or an attribute value past its limit is refused naming the limit and the element or attribute', () => {
    expect(refusal(qif(`<QPId>${'x'.repeat(XML_LIMITS.maxTextLength)}</QPId>`))).toBeNull();
    expect(refusal(qif(`<QPId>${'x'.repeat(XML_LIMITS.maxTextLength + 1)}</QPId>`))).toEqual({
      code: 'LIMS_IMPORT_LIMIT_EXCEEDED',
      details: { limit: 'xmlTextLength', max: XML_LIMITS.maxTextLength, element: 'QPId' },
    });
    expect(refusal(qif(`<QPId note="${'x'.repeat(XML_LIMITS.maxAttributeLength + 1)}">1</QPId>`))).toEqual({
      code: 'LIMS_IMPORT_LIMIT_EXCEEDED',
      details: { limit: 'xmlAttributeLength', max: XML_LIMITS.maxAttributeLength, attribute: 'note' },
    });
  });
});
