import { CSV_LIMITS, decodeUtf8, readResultsCsv, splitRecords } from './results-csv.js';

describe('RFC 4180 records', () => {
  test('quoted fields keep separators, doubled quotes and line breaks; the record keeps its first line', () => {
    const { records, problems } = splitRecords('a,"b,c","say ""hi""","two\nlines"\nnext,row,x,y\n', ',');
    expect(problems).toEqual([]);
    expect(records).toEqual([
      { line: 1, fields: ['a', 'b,c', 'say "hi"', 'two\nlines'] },
      { line: 3, fields: ['next', 'row', 'x', 'y'] },
    ]);
  });

  test('CRLF, empty lines and rows of empty fields (as Excel saves them) are skipped but counted', () => {
    const { records } = splitRecords('h1;h2\r\n\r\n;\r\nv1;v2\r\n', ';');
    expect(records).toEqual([
      { line: 1, fields: ['h1', 'h2'] },
      { line: 4, fields: ['v1', 'v2'] },
    ]);
  });

  test('unquoted fields are trimmed; spaces before an opening quote are allowed', () => {
    expect(splitRecords(' a , "b " ', ',').records[0]!.fields).toEqual(['a', 'b ']);
  });

  test('an unclosed quote, a stray quote and text after a closing quote are problems on their line', () => {
    expect(splitRecords('a,b\n1,"open\n', ',').problems).toEqual([{ line: 2, column: null, reason: expect.stringContaining('no closing quote'), kind: 'malformed' }]);
    expect(splitRecords('a,b\n1,x"y\n', ',').problems[0]).toMatchObject({ line: 2, reason: expect.stringContaining('quote inside an unquoted value') });
    expect(splitRecords('a,b\n"1"2,3\n', ',').problems[0]).toMatchObject({ line: 2, reason: expect.stringContaining('after its closing quote') });
  });
});

describe('a results file', () => {
  test('a BOM is tolerated, the separator is taken from the header, columns are case-insensitive', () => {
    const file = readResultsCsv('\uFEFFItem;Characteristic;VALUE;unit\r\n1;A1;25,0110;mm\r\n');
    expect(file.separator).toBe(';');
    expect(file.problems).toEqual([]);
    expect(file.columns).toEqual(['item', 'characteristic', 'value', 'unit']);
    expect(file.rows).toEqual([{ line: 2, values: { item: '1', characteristic: 'A1', value: '25,0110', unit: 'mm' } }]);
  });

  test("Excel's sep= line declares the separator and lines are still counted from the top of the file", () => {
    const file = readResultsCsv('sep=,\nitem,value\n1,2.5\n');
    expect(file.separator).toBe(',');
    expect(file.rows).toEqual([{ line: 3, values: { item: '1', value: '2.5' } }]);
  });

  test('an unknown or repeated column is refused, naming it', () => {
    const file = readResultsCsv('item,valeu,unit,unit\n1,2,mm,mm\n');
    expect(file.problems).toEqual([
      { line: 1, column: 'valeu', reason: expect.stringContaining('Unknown column "valeu"'), kind: 'unknown_column' },
      { line: 1, column: 'unit', reason: expect.stringContaining('appears twice'), kind: 'malformed' },
    ]);
  });

  test('a row with the wrong number of fields is a problem of its line and is left out', () => {
    const file = readResultsCsv('item,value\n1,2\n3,4,5\n6\n');
    expect(file.rows.map((r) => r.line)).toEqual([2]);
    expect(file.problems.map((p) => [p.line, p.reason])).toEqual([
      [3, expect.stringContaining('3 fields and the header 2')],
      [4, expect.stringContaining('1 fields and the header 2')],
    ]);
  });

  test('an empty file has no header', () => {
    expect(readResultsCsv('\uFEFF\r\n').problems).toEqual([{ line: 1, column: null, reason: expect.stringContaining('no header'), kind: 'malformed' }]);
  });

  test('bytes that are not UTF-8 (a file saved as Latin-1) are refused, naming the first such line', () => {
    expect(decodeUtf8(Buffer.from('item,remarks\n1,ok\n2,lämpö\n', 'latin1'))).toEqual({ badLine: 3 });
    expect(decodeUtf8(Buffer.from('\uFEFFmittaus µm', 'utf8'))).toEqual({ text: 'mittaus µm' });
  });
});

describe('limits', () => {
  const limitOf = (read: () => unknown) => {
    try {
      read();
    } catch (error) {
      return { code: (error as { code?: string }).code, details: (error as { details?: unknown }).details };
    }
    return null;
  };

  test('a header of 200,000 columns is refused at the column limit instead of overflowing the stack', () => {
    const header = Array.from({ length: 200_000 }, (_, i) => `c${i}`).join(';');
    expect(limitOf(() => readResultsCsv(`${header}\n`))).toEqual({ code: 'LIMS_IMPORT_LIMIT_EXCEEDED', details: { limit: 'csvColumns', max: CSV_LIMITS.maxColumns, line: 1 } });
  });

  test('a row of exactly the column limit is read; one more field is refused, naming its line', () => {
    const fields = (n: number) => Array.from({ length: n }, () => 'x').join(',');
    expect(splitRecords(`${fields(CSV_LIMITS.maxColumns)}\n`, ',').records[0]!.fields).toHaveLength(CSV_LIMITS.maxColumns);
    expect(limitOf(() => splitRecords(`a\nb\n${fields(CSV_LIMITS.maxColumns + 1)}\n`, ','))).toMatchObject({ details: { limit: 'csvColumns', line: 3 } });
  });

  test('a line longer than the limit is refused, quoted over several lines or not', () => {
    const long = 'y'.repeat(CSV_LIMITS.maxLineLength + 1);
    expect(limitOf(() => splitRecords(`a,b\n1,${long}\n`, ','))).toEqual({ code: 'LIMS_IMPORT_LIMIT_EXCEEDED', details: { limit: 'csvLineLength', max: CSV_LIMITS.maxLineLength, line: 2 } });
    expect(limitOf(() => splitRecords(`a,b\n1,"${long.slice(10)}\n${'z'.repeat(20)}"\n`, ','))).toMatchObject({ details: { limit: 'csvLineLength', line: 2 } });
    expect(splitRecords(`a,b\n1,${'y'.repeat(CSV_LIMITS.maxLineLength - 10)}\n`, ',').records).toHaveLength(2);
  });
});
