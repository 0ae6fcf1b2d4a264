import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../db/project-root.js';
import type { FontName } from './fonts.js';
import type { Language } from './i18n.js';
import { drawFurniture, firstPageTop, type FurnitureOptions } from './page-furniture.js';
import { openPdf, type DocumentMetadata } from './pdf-document.js';
import { drawTable } from './pdf-table.js';

/** The building blocks of a rendered document; renderers know nothing of agreements or certificates. */
export type Block =
  | { kind: 'title'; text: string }
  | { kind: 'subtitle'; text: string }
  | { kind: 'heading'; text: string }
  /** A heading under a heading, e.g. one instrument of a certificate. */
  | { kind: 'subheading'; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'note'; text: string }
  /** A paragraph in a thin box: an accreditation statement, a translation statement. */
  | { kind: 'statement'; text: string }
  | { kind: 'fields'; rows: [string, string][] }
  | { kind: 'list'; items: string[] }
  | { kind: 'signatures'; parties: { role: string; name: string; detail: string }[] }
  /** Columns with relative widths; a row is as tall as its tallest cell; the header repeats on a new page. */
  | { kind: 'table'; columns: { header: string; width: number; align?: 'left' | 'right' }[]; rows: string[][] }
  | { kind: 'pageBreak' }
  /** From here on the text is in `lang`: the page it stands on and the pages after it take their furniture in that language. */
  | { kind: 'language'; lang: Language };

export interface PageStyle {
  size: string;
  margins: { top: number; bottom: number; left: number; right: number };
  /** Faces by role, from the house fonts (`fonts.ts`); tables are set in the condensed faces. */
  fonts: { body: FontName; bold: FontName; italic: FontName; table: FontName; tableBold: FontName };
  fontSizes: { title: number; subtitle: number; heading: number; body: number; small: number };
}

export interface Layout extends PageStyle {
  sections: string[];
}

/**
 * The lab's page style, shared by all its documents: A4 in DejaVu Sans, embedded, which has every
 * letter of the four languages and the signs of measurement (± ≤ ≥ µ °). The bottom margin leaves
 * room for the footer's 16 mm verification QR code with its quiet zone, on every document alike,
 * so a draft breaks its pages where the issued document does.
 */
export const HOUSE_STYLE: PageStyle = {
  size: 'A4',
  margins: { top: 60, bottom: 76, left: 60, right: 60 },
  fonts: { body: 'DejaVuSans', bold: 'DejaVuSans-Bold', italic: 'DejaVuSans-Oblique', table: 'DejaVuSansCondensed', tableBold: 'DejaVuSansCondensed-Bold' },
  fontSizes: { title: 17, subtitle: 10.5, heading: 11.5, body: 9.5, small: 7.5 },
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

/**
 * How to render: the PDF's metadata and attachments (`DocumentMetadata`: title, author, subject,
 * keywords, language, createdAt, attachments) and what every page carries (`FurnitureOptions`:
 * furniture, letterhead, qr, watermark).
 */
export interface RenderOptions extends DocumentMetadata, FurnitureOptions {}

/**
 * Renders blocks into a PDF/A-3b document in the layout's page style. The same blocks and options
 * give the same bytes.
 */
export function renderPdf(layout: Layout, blocks: Block[], options: RenderOptions): Promise<Buffer> {
  const { doc, bytes } = openPdf(layout, options);
  const languages: Language[] = [options.language];
  doc.on('pageAdded', () => languages.push(languages[languages.length - 1]!));
  doc.y = firstPageTop(layout, options.letterhead);
  for (const block of blocks) drawBlock(doc, layout, block, languages);
  drawFurniture(doc, layout, options, languages);
  doc.end();
  return bytes;
}

function drawBlock(doc: PDFKit.PDFDocument, layout: Layout, block: Block, languages: Language[]): void {
  const { fonts, fontSizes: size, margins } = layout;
  const width = doc.page.width - margins.left - margins.right;
  const x = margins.left;
  /** Starts a new page unless `space` points are left, so a heading does not end a page. */
  const keepSpace = (space: number) => {
    if (doc.y > doc.page.height - margins.bottom - space) doc.addPage();
  };
  switch (block.kind) {
    case 'title':
      doc.font(fonts.bold).fontSize(size.title).text(block.text, x, undefined, { width }).moveDown(0.3);
      break;
    case 'subtitle':
      doc.font(fonts.body).fontSize(size.subtitle).text(block.text, x, undefined, { width }).moveDown(0.8);
      break;
    case 'heading':
      keepSpace(80);
      doc.moveDown(0.6).font(fonts.bold).fontSize(size.heading).text(block.text, x, undefined, { width }).moveDown(0.3);
      break;
    case 'subheading':
      keepSpace(60);
      doc.moveDown(0.4).font(fonts.bold).fontSize(size.body).text(block.text, x, undefined, { width }).moveDown(0.25);
      break;
    case 'paragraph':
      doc.font(fonts.body).fontSize(size.body).text(block.text, x, undefined, { width, align: 'left' }).moveDown(0.4);
      break;
    case 'note':
      doc.font(fonts.italic).fontSize(size.small).text(block.text, x, undefined, { width }).moveDown(0.6);
      break;
    case 'statement':
      drawStatement(doc, layout, block.text);
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
    case 'language':
      languages[languages.length - 1] = block.lang;
      break;
  }
}

/** A paragraph in a thin box; one too long for a page is drawn as a plain paragraph rather than cut. */
function drawStatement(doc: PDFKit.PDFDocument, layout: Layout, text: string): void {
  const { fonts, fontSizes: size, margins } = layout;
  const x = margins.left;
  const width = doc.page.width - margins.left - margins.right;
  const pad = 6;
  doc.font(fonts.body).fontSize(size.body);
  const height = doc.heightOfString(text, { width: width - 2 * pad }) + 2 * pad;
  const bottom = doc.page.height - margins.bottom;
  if (height > bottom - margins.top) {
    doc.text(text, x, undefined, { width }).moveDown(0.6);
    return;
  }
  doc.moveDown(0.2);
  if (doc.y + height > bottom) doc.addPage();
  const top = doc.y;
  doc.text(text, x + pad, top + pad, { width: width - 2 * pad });
  doc.save().rect(x, top, width, height).lineWidth(0.6).strokeColor('#808080').stroke().restore();
  doc.x = x;
  doc.y = top + height;
  doc.moveDown(0.8);
}
