/**
 * The root element of a QIF document (ISO 23952): an XML file whose root is `QIFDocument`, with the
 * version in its `versionQIF` attribute and in its namespace (`http://qifstandards.org/xsd/qif3`).
 * Only the start of the file is read: prolog (declaration, comments, processing instructions,
 * DOCTYPE) and the root's start tag.
 */

export interface QifRoot {
  /** `versionQIF` as written, e.g. `3.0.0`; null when absent. */
  version: string | null;
  /** The major version, from `versionQIF` or else from the namespace; null when neither tells. */
  major: number | null;
  /** The namespace of the root element. */
  namespace: string | null;
}

const PROLOG = /^(\s+|<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^[>]*(\[[\s\S]*?\])?\s*>)/;
const ROOT = /^<(?:([A-Za-z_][\w.-]*):)?QIFDocument(?=[\s/>])/;
const ATTRIBUTE = /^\s+([A-Za-z_][\w.:-]*)\s*=\s*("([^"]*)"|'([^']*)')/;

/** Reads the root of a QIF document from the start of a file; null when the text is not a QIFDocument. */
export function readQifRoot(head: string): QifRoot | null {
  let text = head.replace(/^\uFEFF/, '');
  for (let m = PROLOG.exec(text); m; m = PROLOG.exec(text)) text = text.slice(m[0].length);
  const root = ROOT.exec(text);
  if (!root) return null;
  const prefix = root[1];
  text = text.slice(root[0].length);
  const attributes = new Map<string, string>();
  for (let m = ATTRIBUTE.exec(text); m; m = ATTRIBUTE.exec(text)) {
    attributes.set(m[1]!, m[3] ?? m[4] ?? '');
    text = text.slice(m[0].length);
  }
  const version = attributes.get('versionQIF') ?? null;
  const namespace = attributes.get(prefix ? `xmlns:${prefix}` : 'xmlns') ?? null;
  const fromVersion = version ? /^(\d+)\./.exec(version) : null;
  const fromNamespace = namespace ? /qif(\d+)\/?$/i.exec(namespace) : null;
  const major = fromVersion ? Number(fromVersion[1]) : fromNamespace ? Number(fromNamespace[1]) : null;
  return { version, major, namespace };
}
