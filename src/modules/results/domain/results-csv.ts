/**
 * Reading a results CSV file (layout in docs/results-import.md): UTF-8 with or without a BOM, a
 * header row, comma or semicolon separated (Excel's `sep=;` first line is understood), RFC 4180
 * quoting, CRLF or LF line ends. Pure: it knows the columns, not the job or the rules of a result,
 * and runs in a worker thread (results-import-worker.ts).
 */
import { importLimitExceeded } from '../../../shared/import-limits.js';

/**
 * Limits of a results file beyond its size: a results file has 13 columns and short lines, so a
 * header of thousands of columns or a megabyte on one line is not one, and is refused (422
 * LIMS_IMPORT_LIMIT_EXCEEDED) before it costs memory or stack.
 */
export const CSV_LIMITS = {
  maxColumns: 1000,
  /** Characters of one record (a line, or the lines a quoted field spans). */
  maxLineLength: 65_536,
} as const;

/** The columns a results file may have; any other header is refused so that a mistyped column cannot vanish. */
export const CSV_COLUMNS = [
  'item',
  'characteristic',
  'point_nominal',
  'point_unit',
  'value',
  'unit',
  'measured_at',
  'temperature',
  'humidity',
  'equipment',
  'method_version',
  'deviation_justification',
  'remarks',
] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];

/** Where a file is wrong: a line of the file (1 is the header) and the column, or null for the whole row. */
export interface CsvProblem {
  line: number;
  column: string | null;
  reason: string;
  kind: 'malformed' | 'unknown_column';
}

export interface CsvRow {
  /** The line the record starts on (a quoted field may span lines). */
  line: number;
  values: Partial<Record<CsvColumn, string>>;
}

export interface CsvFile {
  separator: ',' | ';';
  /** The line of the header row (2 after a `sep=` line). */
  headerLine: number;
  columns: CsvColumn[];
  rows: CsvRow[];
  problems: CsvProblem[];
}

interface RawRecord {
  line: number;
  fields: string[];
}

const malformed = (line: number, reason: string, column: string | null = null): CsvProblem => ({ line, column, reason, kind: 'malformed' });

/** Decodes the bytes as UTF-8 (a BOM is dropped), or names the first line that is not valid UTF-8. */
export function decodeUtf8(bytes: Uint8Array): { text: string } | { badLine: number } {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    return { text: decoder.decode(bytes) };
  } catch {
    let start = 0;
    for (let line = 1; ; line += 1) {
      const end = bytes.indexOf(0x0a, start);
      try {
        decoder.decode(bytes.subarray(start, end === -1 ? bytes.length : end));
      } catch {
        return { badLine: line };
      }
      if (end === -1) return { badLine: line };
      start = end + 1;
    }
  }
}

const lineTooLong = (line: number) =>
  importLimitExceeded('csvLineLength', CSV_LIMITS.maxLineLength, `Line ${line} is longer than ${CSV_LIMITS.maxLineLength} characters (with the lines of any quoted field it opens); a results file has short lines. Check the quotes.`, { line });

/**
 * Splits text into records by RFC 4180: quoted fields may hold separators, doubled quotes and line breaks.
 * @throws DomainError LIMS_IMPORT_LIMIT_EXCEEDED past CSV_LIMITS (columns, line length).
 */
export function splitRecords(text: string, separator: string, firstLine = 1): { records: RawRecord[]; problems: CsvProblem[] } {
  const records: RawRecord[] = [];
  const problems: CsvProblem[] = [];
  let line = firstLine;
  let i = 0;
  while (i < text.length) {
    const start = line;
    const fields: string[] = [];
    const end = i + CSV_LIMITS.maxLineLength;
    let bad = false;
    for (;;) {
      if (fields.length >= CSV_LIMITS.maxColumns) {
        throw importLimitExceeded('csvColumns', CSV_LIMITS.maxColumns, `Line ${start} has more than ${CSV_LIMITS.maxColumns} fields; a results file has at most ${CSV_LIMITS.maxColumns} columns. Check the separator.`, { line: start });
      }
      let field = '';
      let j = i;
      while (text[j] === ' ' || text[j] === '\t') j += 1;
      if (text[j] === '"') i = j;
      if (text[i] === '"') {
        i += 1;
        for (;;) {
          if (i >= text.length) {
            problems.push(malformed(start, `A quoted field (field ${fields.length + 1}) has no closing quote; close it, and double any quote inside it ("").`));
            return { records, problems };
          }
          if (i > end) throw lineTooLong(start);
          const ch = text[i]!;
          if (ch === '"' && text[i + 1] === '"') {
            field += '"';
            i += 2;
          } else if (ch === '"') {
            i += 1;
            break;
          } else {
            if (ch === '\n') line += 1;
            field += ch;
            i += 1;
          }
        }
        while (text[i] === ' ' || text[i] === '\t') i += 1;
        if (i < text.length && text[i] !== separator && text[i] !== '\r' && text[i] !== '\n' && !bad) {
          problems.push(malformed(start, `Field ${fields.length + 1} has text after its closing quote; quote the whole field.`));
          bad = true;
        }
        while (i < text.length && text[i] !== separator && text[i] !== '\r' && text[i] !== '\n') {
          if (i > end) throw lineTooLong(start);
          i += 1;
        }
      } else {
        while (i < text.length && text[i] !== separator && text[i] !== '\r' && text[i] !== '\n') {
          if (i > end) throw lineTooLong(start);
          field += text[i++];
        }
        if (field.includes('"') && !bad) {
          problems.push(malformed(start, `Field ${fields.length + 1} has a quote inside an unquoted value; quote the whole field and double the quote ("").`));
          bad = true;
        }
        field = field.trim();
      }
      fields.push(field);
      if (text[i] === separator) {
        i += 1;
        continue;
      }
      break;
    }
    if (text[i] === '\r') i += 1;
    if (text[i] === '\n') i += 1;
    line += 1;
    const empty = fields.every((f) => f === '');
    if (!bad && !empty) records.push({ line: start, fields });
  }
  return { records, problems };
}

/** The header's column names (trimmed, case-insensitive), each known column at most once. */
function readHeader(header: RawRecord): { columns: (CsvColumn | null)[]; problems: CsvProblem[] } {
  const problems: CsvProblem[] = [];
  const seen = new Set<string>();
  const columns = header.fields.map((raw) => {
    const name = raw.trim().toLowerCase();
    if (!(CSV_COLUMNS as readonly string[]).includes(name)) {
      problems.push({ line: header.line, column: raw, reason: `Unknown column "${raw}"; the columns are ${CSV_COLUMNS.join(', ')}.`, kind: 'unknown_column' });
      return null;
    }
    if (seen.has(name)) problems.push(malformed(header.line, `Column "${name}" appears twice in the header; keep one.`, name));
    seen.add(name);
    return name as CsvColumn;
  });
  return { columns, problems };
}

/**
 * Parses a results file into rows keyed by column. Every problem is collected; rows with a wrong field count are left out.
 * @throws DomainError LIMS_IMPORT_LIMIT_EXCEEDED past CSV_LIMITS (columns, line length).
 */
export function readResultsCsv(input: string): CsvFile {
  let text = input.startsWith('\uFEFF') ? input.slice(1) : input;
  let firstLine = 1;
  let declared: string | undefined;
  const sepLine = /^sep=(.)\r?\n/i.exec(text);
  if (sepLine) {
    declared = sepLine[1];
    text = text.slice(sepLine[0].length);
    firstLine = 2;
  }
  const headerText = text.split(/\r?\n/, 1)[0] ?? '';
  const separator: ',' | ';' = (declared ?? (headerText.includes(';') ? ';' : ',')) === ';' ? ';' : ',';
  if (declared !== undefined && declared !== ',' && declared !== ';') {
    return { separator, headerLine: 1, columns: [], rows: [], problems: [malformed(1, `Separator "${declared}" is not supported; use a comma or a semicolon.`)] };
  }
  const { records, problems } = splitRecords(text, separator, firstLine);
  const [header, ...body] = records;
  if (!header) return { separator, headerLine: firstLine, columns: [], rows: [], problems: [...problems, malformed(firstLine, 'The file has no header row; the first line names the columns.')] };
  const head = readHeader(header);
  for (const problem of head.problems) problems.push(problem);
  const rows: CsvRow[] = [];
  for (const record of body) {
    if (record.fields.length !== head.columns.length) {
      problems.push(malformed(record.line, `The row has ${record.fields.length} fields and the header ${head.columns.length}; check the separators and quotes.`));
      continue;
    }
    const values: CsvRow['values'] = {};
    head.columns.forEach((column, i) => {
      if (column) values[column] = record.fields[i];
    });
    rows.push({ line: record.line, values });
  }
  problems.sort((a, b) => a.line - b.line);
  return { separator, headerLine: header.line, columns: head.columns.filter((c): c is CsvColumn => c !== null), rows, problems };
}
