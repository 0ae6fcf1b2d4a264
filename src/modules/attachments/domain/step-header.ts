/**
 * The header of a STEP file (ISO 10303-21, "Part 21"): the exchange structure starts with
 * `ISO-10303-21;`, then a HEADER section whose FILE_NAME names the file and whose FILE_SCHEMA names
 * the EXPRESS schema, which tells the application protocol (AP203, AP214, AP242).
 */

export type ApplicationProtocol = 'AP203' | 'AP214' | 'AP242';

export interface StepHeader {
  /** Known from FILE_SCHEMA by schema name or by its ISO object identifier; null for other schemas. */
  applicationProtocol: ApplicationProtocol | null;
  /** FILE_SCHEMA's schema names as written, e.g. `AP242_MANAGED_MODEL_BASED_3D_ENGINEERING_MIM_LF { 1 0 10303 442 1 1 4 }`. */
  schemas: string[];
  /** FILE_NAME's name as written in the file; null when the header does not give it. */
  fileName: string | null;
  /** FILE_NAME's time stamp as written. */
  timeStamp: string | null;
  /** FILE_NAME's originating system, e.g. the CAD system that wrote the file. */
  originatingSystem: string | null;
}

const MAGIC = 'ISO-10303-21;';

const BY_NAME: [RegExp, ApplicationProtocol][] = [
  [/^CONFIG_CONTROL_DESIGN$/, 'AP203'],
  [/^AP203/, 'AP203'],
  [/^AUTOMOTIVE_DESIGN(_CC\d)?$/, 'AP214'],
  [/^AP214/, 'AP214'],
  [/^AP242/, 'AP242'],
];

/** ISO 10303 part numbers of the schemas (AIM/MIM modules) of each protocol. */
const BY_PART: Record<string, ApplicationProtocol> = { '203': 'AP203', '403': 'AP203', '214': 'AP214', '242': 'AP242', '442': 'AP242' };

/** Skips white space and `/* ... *\/` comments from `i`; returns the next position. */
function skipBlank(text: string, i: number): number {
  for (;;) {
    while (i < text.length && /\s/.test(text[i]!)) i++;
    if (!text.startsWith('/*', i)) return i;
    const end = text.indexOf('*/', i + 2);
    if (end < 0) return text.length;
    i = end + 2;
  }
}

/**
 * The string literals of one header entity's parameters, per top-level parameter (a list parameter
 * gives all its strings; `$` or `*` gives none). Null when the entity is missing or cut off.
 */
function entityStrings(text: string, keyword: string): string[][] | null {
  const at = new RegExp(`(^|[;\\s])${keyword}\\s*\\(`).exec(text);
  if (!at) return null;
  let i = at.index + at[0].length;
  let depth = 1;
  const params: string[][] = [[]];
  while (i < text.length && depth > 0) {
    const c = text[i]!;
    if (c === "'") {
      let value = '';
      i++;
      while (i < text.length && !(text[i] === "'" && text[i + 1] !== "'")) {
        value += text[i];
        i += text[i] === "'" ? 2 : 1;
      }
      params[params.length - 1]!.push(value);
    } else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === ',' && depth === 1) params.push([]);
    else if (text.startsWith('/*', i)) i = skipBlank(text, i) - 1;
    i++;
  }
  return depth === 0 ? params : null;
}

/** The protocol a schema name stands for, by its name or else by the part number in its object identifier. */
export function protocolOfSchema(schema: string): ApplicationProtocol | null {
  const name = schema.split('{')[0]!.trim().toUpperCase();
  for (const [pattern, ap] of BY_NAME) if (pattern.test(name)) return ap;
  const oid = /\{\s*1\s+0\s+10303\s+(\d+)/.exec(schema);
  return oid ? (BY_PART[oid[1]!] ?? null) : null;
}

/**
 * Reads the header of a STEP file from its first bytes. Null when the text does not start (after
 * white space and comments) with `ISO-10303-21;`. A header cut off by the end of `head` gives what
 * was read so far.
 */
export function readStepHeader(head: string): StepHeader | null {
  const text = head.replace(/^\uFEFF/, '');
  const start = skipBlank(text, 0);
  if (!text.startsWith(MAGIC, start)) return null;
  const headerAt = text.indexOf('HEADER;', start + MAGIC.length);
  const endAt = headerAt < 0 ? -1 : text.indexOf('ENDSEC;', headerAt);
  const header = headerAt < 0 ? '' : text.slice(headerAt, endAt < 0 ? undefined : endAt);
  const name = entityStrings(header, 'FILE_NAME');
  // FILE_SCHEMA has one parameter, a list: every string in it is a schema name.
  const schemas = (entityStrings(header, 'FILE_SCHEMA')?.[0] ?? []).map((s) => s.trim());
  const protocols = schemas.map(protocolOfSchema).filter((p) => p !== null);
  return {
    applicationProtocol: protocols[0] ?? null,
    schemas,
    fileName: name?.[0]?.[0] ?? null,
    timeStamp: name?.[1]?.[0] ?? null,
    originatingSystem: name?.[5]?.[0] ?? null,
  };
}
