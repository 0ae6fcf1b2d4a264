import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { DomainError } from '../../../shared/errors/index.js';
import { importLimitExceeded } from '../../../shared/import-limits.js';

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

/**
 * Limits of an XML file the imports read: far beyond any QIF file (the NIST models nest 10 deep,
 * their longest text is 14k characters of mesh data), low enough that a hostile file is refused
 * before it costs memory or stack. Entities are never expanded: a document type (DTD) is refused.
 */
export const XML_LIMITS = {
  /** Levels of elements below the root. */
  maxDepth: 100,
  maxTextLength: 1_000_000,
  maxAttributeLength: 10_000,
} as const;

/**
 * Sections of a QIFDocument the imports never read. Most of a QIF model's bytes are its geometry
 * (Product, Features): they are checked for well-formedness with the rest of the file but not built
 * into a tree, which would cost far more memory and time than the file's size.
 */
const UNREAD_SECTIONS = ['Product', 'Features', 'MeasurementResources', 'Plan', 'Statistics', 'Rules', 'UserDataXML'];

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
  // Entities: only XML's five predefined ones can occur, since a DTD (where entities are declared) is refused before parsing.
  maxNestedTags: XML_LIMITS.maxDepth,
  jPath: false,
  stopNodes: UNREAD_SECTIONS.map((section) => `QIFDocument.${section}`),
  tagValueProcessor: (tagName, value) => {
    if (value.length > XML_LIMITS.maxTextLength) {
      throw importLimitExceeded('xmlTextLength', XML_LIMITS.maxTextLength, `The text of element ${tagName} is ${value.length} characters long; the import reads at most ${XML_LIMITS.maxTextLength}.`, { element: tagName });
    }
    return value;
  },
  attributeValueProcessor: (name, value) => {
    if (value.length > XML_LIMITS.maxAttributeLength) {
      throw importLimitExceeded('xmlAttributeLength', XML_LIMITS.maxAttributeLength, `Attribute ${name} is ${value.length} characters long; the import reads at most ${XML_LIMITS.maxAttributeLength}.`, { attribute: name });
    }
    return value;
  },
});

/** A document type declaration anywhere: the parser would read one even inside an element, so none is let through. */
const DOCTYPE = /<!DOCTYPE/i;

type Ordered = Record<string, unknown>;

const localName = (qualified: string): string => qualified.slice(qualified.indexOf(':') + 1);
const prefixOf = (qualified: string): string | null => (qualified.includes(':') ? qualified.slice(0, qualified.indexOf(':')) : null);

/** Converts the parser's node; each converted child is dropped from the parser's tree, so the two trees never both hold the whole file. */
function toElement(node: Ordered, depth = 0): XmlElement | null {
  const name = Object.keys(node).find((k) => k !== ':@' && k !== '#text' && k !== '#comment');
  if (name === undefined) return null;
  const raw = (node[name] ?? []) as (Ordered | null)[];
  const attrs = (node[':@'] ?? {}) as Record<string, string>;
  const children: XmlElement[] = [];
  // An unread section holds its raw content as text; nothing reads it, so it is not kept.
  if (depth === 1 && UNREAD_SECTIONS.includes(name)) return { name: localName(name), attrs, children, text: '' };
  let text = '';
  for (let i = 0; i < raw.length; i++) {
    const child = raw[i]!;
    raw[i] = null;
    if ('#text' in child) text += String(child['#text']);
    else {
      const element = toElement(child, depth + 1);
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

function refuse(code: 'LIMS_QIF_NOT_XML' | 'LIMS_QIF_NOT_QIF3' | 'LIMS_QIF_DTD_REFUSED', message: string, details?: Record<string, unknown>): never {
  throw new DomainError(code, message, details);
}

/** Parses well-formed XML within XML_LIMITS; the parser's own refusals become coded errors, never a 500. */
function parseWithinLimits(source: string): Ordered[] {
  try {
    return parser.parse(source) as Ordered[];
  } catch (error) {
    if (error instanceof DomainError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    if (/nested tags/i.test(reason)) {
      throw importLimitExceeded('xmlDepth', XML_LIMITS.maxDepth, `The XML nests elements more than ${XML_LIMITS.maxDepth} deep below the root; QIF documents nest far less. Send the QIF document itself.`);
    }
    if (/entit|DOCTYPE/i.test(reason)) refuse('LIMS_QIF_DTD_REFUSED', `The file declares a document type or entities (${reason}); QIF documents have none. Send the QIF document as exported.`, { reason });
    return refuse('LIMS_QIF_NOT_XML', `The file cannot be read as XML (${reason}); send a QIF 3 document.`, { reason });
  }
}

/**
 * Reads a QIF 3.x document: well-formed XML without a document type, within XML_LIMITS, whose one
 * root is a QIFDocument of version 3. Anything else is refused with a message that says what the
 * file is instead, or which limit it exceeds.
 * @throws DomainError LIMS_QIF_NOT_XML, LIMS_QIF_DTD_REFUSED, LIMS_IMPORT_LIMIT_EXCEEDED, LIMS_QIF_NOT_QIF3.
 */
export function readQifDocument(xml: string): XmlElement {
  const source = xml.replace(/^\uFEFF/, '');
  if (source.trim() === '') refuse('LIMS_QIF_NOT_XML', 'The file is empty; send the QIF document as the request body.');
  if (DOCTYPE.test(source)) {
    refuse('LIMS_QIF_DTD_REFUSED', 'The file declares a document type (<!DOCTYPE …>); QIF documents have none, and the import expands no entities. Send the QIF document as exported.');
  }
  const valid = XMLValidator.validate(source);
  if (valid !== true) {
    const { msg, line, col } = valid.err;
    refuse('LIMS_QIF_NOT_XML', `The file is not well-formed XML (line ${line}, column ${col}: ${msg}); send a QIF 3 document.`, { line, column: col, reason: msg });
  }
  const parsed = parseWithinLimits(source).filter((n) => Object.keys(n).some((k) => k !== ':@' && k !== '#text' && k !== '#comment'));
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
