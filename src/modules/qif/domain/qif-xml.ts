import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { DomainError } from '../../../shared/errors/index.js';

/**
 * A QIF file read into a small element tree in document order. Values stay the text written in the
 * file (no number conversion: a measured 2466.9000000000001 stays that string); element names lose
 * their namespace prefix, since QIF 3 puts every element in one namespace (checked on the root).
 */
export interface XmlElement {
  name: string;
  attrs: Readonly<Record<string, string>>;
  children: XmlElement[];
  text: string;
}

export const QIF3_NAMESPACE = 'http://qifstandards.org/xsd/qif3';

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  removeNSPrefix: false,
  trimValues: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
});

type Ordered = Record<string, unknown>;

const localName = (qualified: string): string => qualified.slice(qualified.indexOf(':') + 1);
const prefixOf = (qualified: string): string | null => (qualified.includes(':') ? qualified.slice(0, qualified.indexOf(':')) : null);

function toElement(node: Ordered): XmlElement | null {
  const name = Object.keys(node).find((k) => k !== ':@' && k !== '#text' && k !== '#comment');
  if (name === undefined) return null;
  const raw = (node[name] ?? []) as Ordered[];
  const attrs = (node[':@'] ?? {}) as Record<string, string>;
  const children: XmlElement[] = [];
  let text = '';
  for (const child of raw) {
    if ('#text' in child) text += String(child['#text']);
    else {
      const element = toElement(child);
      if (element) children.push(element);
    }
  }
  return { name: localName(name), attrs, children, text: text.trim() };
}

/** The first child element named `name`, or undefined. */
export const child = (e: XmlElement | undefined, name: string): XmlElement | undefined => e?.children.find((c) => c.name === name);

/** All child elements named `name` (or whose name matches). */
export const children = (e: XmlElement | undefined, name: string | RegExp): XmlElement[] =>
  e?.children.filter((c) => (typeof name === 'string' ? c.name === name : name.test(c.name))) ?? [];

/** The text of the element at a path of child names, or undefined when a step is missing or the text is empty. */
export function textAt(e: XmlElement | undefined, ...path: string[]): string | undefined {
  let at = e;
  for (const step of path) at = child(at, step);
  return at === undefined || at.text === '' ? undefined : at.text;
}

function refuse(code: 'LIMS_QIF_NOT_XML' | 'LIMS_QIF_NOT_QIF3', message: string, details?: Record<string, unknown>): never {
  throw new DomainError(code, message, details);
}

/**
 * Reads a QIF 3.x document: well-formed XML whose one root is a QIFDocument of version 3. Anything
 * else is refused with a message that says what the file is instead.
 */
export function readQifDocument(xml: string): XmlElement {
  const source = xml.replace(/^\uFEFF/, '');
  if (source.trim() === '') refuse('LIMS_QIF_NOT_XML', 'The file is empty; send the QIF document as the request body.');
  const valid = XMLValidator.validate(source);
  if (valid !== true) {
    const { msg, line, col } = valid.err;
    refuse('LIMS_QIF_NOT_XML', `The file is not well-formed XML (line ${line}, column ${col}: ${msg}); send a QIF 3 document.`, { line, column: col, reason: msg });
  }
  const parsed = (parser.parse(source) as Ordered[]).filter((n) => Object.keys(n).some((k) => k !== ':@' && k !== '#text' && k !== '#comment'));
  if (parsed.length !== 1) refuse('LIMS_QIF_NOT_XML', `The file has ${parsed.length} root elements; an XML document has exactly one.`);
  const root = toElement(parsed[0]!)!;
  if (root.name !== 'QIFDocument') refuse('LIMS_QIF_NOT_QIF3', `The file's root element is ${root.name}, not QIFDocument; send a QIF 3 (ISO 23952) document.`, { root: root.name });
  const prefix = prefixOf(Object.keys(parsed[0]!).find((k) => k !== ':@')!);
  const namespace = root.attrs[prefix === null ? 'xmlns' : `xmlns:${prefix}`];
  const version = root.attrs.versionQIF;
  if (version === undefined) refuse('LIMS_QIF_NOT_QIF3', 'The QIFDocument has no versionQIF attribute; only QIF 3.x (ISO 23952) documents can be read.');
  if (!/^3(\.|$)/.test(version.trim())) refuse('LIMS_QIF_NOT_QIF3', `The file is QIF version ${version}; only QIF 3.x (ISO 23952) documents can be read. Export the file as QIF 3.`, { versionQIF: version });
  if (namespace !== QIF3_NAMESPACE) {
    const which = namespace === undefined ? 'in no namespace' : `in namespace ${namespace}`;
    refuse('LIMS_QIF_NOT_QIF3', `The QIFDocument is ${which}, not ${QIF3_NAMESPACE}; only QIF 3 documents can be read.`, { namespace: namespace ?? null });
  }
  return root;
}
