import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import { projectRoot } from '../../db/project-root.js';

/** The building blocks of a rendered document; renderers know nothing of agreements or certificates. */
export type Block =
  | { kind: 'title'; text: string }
  | { kind: 'subtitle'; text: string }
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'note'; text: string }
  | { kind: 'fields'; rows: [string, string][] }
  | { kind: 'list'; items: string[] }
  | { kind: 'signatures'; parties: { role: string; name: string; detail: string }[] }
  /** Columns with relative widths; a row is as tall as its tallest cell; the header repeats on a new page. */
  | { kind: 'table'; columns: { header: string; width: number; align?: 'left' | 'right' }[]; rows: string[][] }
  | { kind: 'pageBreak' };

export interface PageStyle {
  size: string;
  margins: { top: number; bottom: number; left: number; right: number };
  fonts: { body: string; bold: string; italic: string };
  fontSizes: { title: number; subtitle: number; heading: number; body: number; small: number };
}

export interface Layout extends PageStyle {
  sections: string[];
}

/**
 * The lab's page style, shared by all its documents. The fonts are pdfkit's built-in Helvetica:
 * its WinAnsi encoding covers the Finnish, Swedish and Estonian letters (ä ö å õ ü š ž) and €,
 * so no font files are needed.
 */
export const HOUSE_STYLE: PageStyle = {
  size: 'A4',
  margins: { top: 60, bottom: 60, left: 60, right: 60 },
  fonts: { body: 'Helvetica', bold: 'Helvetica-Bold', italic: 'Helvetica-Oblique' },
  fontSizes: { title: 18, subtitle: 11, heading: 12, body: 10, small: 8 },
};

const layouts = new Map<string, Layout>();

/** A layout from `templates/<name>.json` (its section order, and any page style it overrides) over the house style, read once. */
export function loadLayout(name: string): Layout {
  let layout = layouts.get(name);
  if (!layout) {
    const template = JSON.parse(readFileSync(join(projectRoot(), 'templates', `${name}.json`), 'utf8')) as Partial<PageStyle> & { sections: string[] };
    layouts.set(name, (layout = { ...HOUSE_STYLE, ...template }));
  }
  return layout;
}

export interface RenderOptions {
  title: string;
  /** Header line on every page, e.g. the organisation and document number. */
  header: string;
  /** Footer: receives page number and page count. */
  footer: (page: number, pages: number) => string;
  /** Fixed creation date, so the same document renders the same bytes. */
  createdAt: Date;
  language: string;
}

/** Renders blocks into a PDF in the layout's page style. */
export function renderPdf(layout: Layout, blocks: Block[], options: RenderOptions): Promise<Buffer> {
  const doc = new PDFDocument({ size: layout.size, margins: layout.margins, bufferPages: true, lang: options.language, info: { Title: options.title, Producer: 'KTK LIMS', Creator: 'KTK LIMS', CreationDate: options.createdAt } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const { fonts, fontSizes: size } = layout;
  const width = doc.page.width - layout.margins.left - layout.margins.right;
  const x = layout.margins.left;
  for (const block of blocks) {
    switch (block.kind) {
      case 'title':
        doc.font(fonts.bold).fontSize(size.title).text(block.text, x, undefined, { width }).moveDown(0.3);
        break;
      case 'subtitle':
        doc.font(fonts.body).fontSize(size.subtitle).text(block.text, x, undefined, { width }).moveDown(0.8);
        break;
      case 'heading':
        if (doc.y > doc.page.height - layout.margins.bottom - 80) doc.addPage();
        doc.moveDown(0.6).font(fonts.bold).fontSize(size.heading).text(block.text, x, undefined, { width }).moveDown(0.3);
        break;
      case 'paragraph':
        doc.font(fonts.body).fontSize(size.body).text(block.text, x, undefined, { width, align: 'left' }).moveDown(0.4);
        break;
      case 'note':
        doc.font(fonts.italic).fontSize(size.small).text(block.text, x, undefined, { width }).moveDown(0.6);
        break;
      case 'fields':
        for (const [label, value] of block.rows) {
          const y = doc.y;
          doc.font(fonts.bold).fontSize(size.body).text(label, x, y, { width: width * 0.35 });
          const labelBottom = doc.y;
          doc.font(fonts.body).text(value, x + width * 0.37, y, { width: width * 0.63 });
          doc.y = Math.max(doc.y, labelBottom) + 2;
        }
        doc.moveDown(0.4);
        break;
      case 'list':
        doc.font(fonts.body).fontSize(size.body).list(block.items, x, undefined, { width, bulletRadius: 1.5 }).moveDown(0.4);
        break;
      case 'signatures': {
        doc.moveDown(1);
        const col = width / block.parties.length;
        const top = doc.y;
        block.parties.forEach((p, i) => {
          const left = x + i * col;
          doc.font(fonts.bold).fontSize(size.body).text(p.role, left, top, { width: col - 10 });
          doc.font(fonts.body).text(p.name, left, undefined, { width: col - 10 }).text(p.detail, left, undefined, { width: col - 10 });
        });
        doc.x = x;
        doc.moveDown(1);
        break;
      }
      case 'table':
        drawTable(doc, layout, block);
        break;
      case 'pageBreak':
        doc.addPage();
        break;
    }
  }
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font(fonts.body).fontSize(size.small);
    doc.text(options.header, x, 20, { width, lineBreak: false });
    doc.text(options.footer(i + 1, range.count), x, doc.page.height - 30, { width, align: 'right', lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return done;
}

/**
 * Draws a table row by row, cell by cell (so extracted text reads a row at a time). A row that does
 * not fit on the page starts a new page, with the header repeated; on a fresh page it is drawn
 * whatever its height, never dropped.
 */
function drawTable(doc: PDFKit.PDFDocument, layout: Layout, table: Extract<Block, { kind: 'table' }>): void {
  const { fonts, fontSizes: size, margins } = layout;
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
  const draw = (cells: string[], font: string, height: number) => {
    const top = doc.y;
    let left = x;
    doc.font(font).fontSize(size.body);
    cells.forEach((cell, i) => {
      doc.text(cell, left + pad, top + pad, { width: widths[i]! - 2 * pad, align: table.columns[i]!.align ?? 'left' });
      left += widths[i]!;
    });
    doc.moveTo(x, top + height).lineTo(x + width, top + height).lineWidth(0.5).stroke();
    doc.x = x;
    doc.y = top + height;
  };
  const headerHeight = heightOf(header, fonts.bold);
  const fits = (height: number) => doc.y + height <= doc.page.height - margins.bottom;
  doc.moveDown(0.3);
  const first = table.rows[0] ? heightOf(table.rows[0], fonts.body) : 0;
  if (!fits(headerHeight + first) && doc.y > margins.top) doc.addPage();
  draw(header, fonts.bold, headerHeight);
  let rowsOnPage = 0;
  for (const cells of table.rows) {
    const height = heightOf(cells, fonts.body);
    if (!fits(height) && rowsOnPage > 0) {
      doc.addPage();
      draw(header, fonts.bold, headerHeight);
      rowsOnPage = 0;
    }
    draw(cells, fonts.body, height);
    rowsOnPage += 1;
  }
  doc.moveDown(0.6);
}
