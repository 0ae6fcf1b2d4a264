import type { Block, PageStyle } from './pdf-renderer.js';

type Table = Extract<Block, { kind: 'table' }>;

/**
 * Draws a table row by row, cell by cell (so extracted text reads a row at a time), in the
 * condensed face, which fits numbers and units in narrow columns. A row that does not fit on the
 * page starts a new page, with the header repeated; on a fresh page it is drawn whatever its
 * height, never dropped.
 */
export function drawTable(doc: PDFKit.PDFDocument, style: PageStyle, table: Table): void {
  const { fonts, fontSizes: size, margins } = style;
  const x = margins.left;
  const width = doc.page.width - margins.left - margins.right;
  const total = table.columns.reduce((sum, c) => sum + c.width, 0);
  const widths = table.columns.map((c) => (c.width / total) * width);
  const pad = 3;
  const header = table.columns.map((c) => c.header);
  const heightOf = (cells: string[], font: string) => {
    doc.font(font).fontSize(size.body);
    return Math.max(...cells.map((cell, i) => doc.heightOfString(cell, { width: widths[i]! - 2 * pad }))) + 2 * pad;
  };
  const draw = (cells: string[], font: string, height: number, rule: string) => {
    const top = doc.y;
    let left = x;
    doc.font(font).fontSize(size.body);
    cells.forEach((cell, i) => {
      doc.text(cell, left + pad, top + pad, { width: widths[i]! - 2 * pad, align: table.columns[i]!.align ?? 'left' });
      left += widths[i]!;
    });
    doc.save().moveTo(x, top + height).lineTo(x + width, top + height).lineWidth(0.5).strokeColor(rule).stroke().restore();
    doc.x = x;
    doc.y = top + height;
  };
  const headerHeight = heightOf(header, fonts.tableBold);
  const fits = (height: number) => doc.y + height <= doc.page.height - margins.bottom;
  doc.moveDown(0.3);
  const first = table.rows[0] ? heightOf(table.rows[0], fonts.table) : 0;
  if (!fits(headerHeight + first) && doc.y > margins.top) doc.addPage();
  draw(header, fonts.tableBold, headerHeight, 'black');
  let rowsOnPage = 0;
  for (const cells of table.rows) {
    const height = heightOf(cells, fonts.table);
    if (!fits(height) && rowsOnPage > 0) {
      doc.addPage();
      draw(header, fonts.tableBold, headerHeight, 'black');
      rowsOnPage = 0;
    }
    draw(cells, fonts.table, height, '#a0a0a0');
    rowsOnPage += 1;
  }
  doc.moveDown(0.6);
}
