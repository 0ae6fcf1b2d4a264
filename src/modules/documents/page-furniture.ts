/**
 * What every page carries around its content, drawn once the content is laid out (so the page
 * count is known, and the furniture's text comes after the content's when extracted): the header
 * (on page 1 a slightly larger letterhead), the footer with the page count and the verification
 * QR code, and a watermark.
 */
import type { Language } from './i18n.js';
import type { PageStyle } from './pdf-renderer.js';
import { drawQr, qrRuns } from './qr.js';

/** The furniture of one page, in that page's language. */
export interface PageFurniture {
  /** Left in the header: the lab's name (on page 1 the letterhead's first line). */
  header: string;
  /** Right in the header: the document's reference, e.g. its number. */
  reference: string;
  /** Right in the footer: the page count as the page's language writes it, e.g. 'Sivu 2/3' or 'Page 2/3'. */
  footer: string;
}

export interface FurnitureOptions {
  /** The furniture of page `page` of `pages`, given the language the page is in (see the `language` block). */
  furniture: (page: number, pages: number, language: Language) => PageFurniture;
  /** Lines under the lab's name at the top of page 1: address, accreditation. */
  letterhead?: { lines: string[] };
  /** A verification address: its QR code bottom left on every page, the address beside it. */
  qr?: string;
  /** Text across every page, e.g. 'LUONNOS / DRAFT'. */
  watermark?: string;
}

const MM = 72 / 25.4;
const QR_SIDE = 16 * MM;
/** Top of the header text, from the top edge. */
const HEADER_TOP = 28;
/** The footer's text line (top of the text), from the bottom edge; the QR code's bottom sits just below it. */
const FOOTER_LINE = 30;
const QR_BOTTOM = 22;
const LETTERHEAD = { name: 12, line: 7.5, lineHeight: 9.5 };
const RULE = '#808080';

/** Where the rule under the header lies: lower on page 1, under the letterhead's lines. */
function ruleAt(firstPage: boolean, lines: number): number {
  return firstPage ? HEADER_TOP + LETTERHEAD.name + 4 + lines * LETTERHEAD.lineHeight + 3 : HEADER_TOP + 12;
}

/** Where page 1's content starts: below the letterhead, never above the layout's top margin. */
export function firstPageTop(style: PageStyle, letterhead: FurnitureOptions['letterhead']): number {
  return Math.max(style.margins.top, ruleAt(true, letterhead?.lines.length ?? 0) + 16);
}

/** Draws the furniture of every buffered page; `languages[i]` is the language of page i + 1. */
export function drawFurniture(doc: PDFKit.PDFDocument, style: PageStyle, options: FurnitureOptions, languages: readonly Language[]): void {
  const range = doc.bufferedPageRange();
  const qr = options.qr ? { url: options.qr, code: qrRuns(options.qr) } : null;
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    const furniture = options.furniture(i + 1, range.count, languages[i] ?? languages[0]!);
    // Drawing in the margins must not make pdfkit start a new page.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    drawHeader(doc, style, furniture, i === 0 ? (options.letterhead?.lines ?? []) : null);
    drawFooter(doc, style, furniture.footer, qr);
    if (options.watermark) drawWatermark(doc, style, options.watermark);
    doc.page.margins.bottom = bottom;
  }
}

/** The lab's name left and the reference right, a thin rule under them; on page 1 larger, with the letterhead's lines. */
function drawHeader(doc: PDFKit.PDFDocument, style: PageStyle, f: PageFurniture, letterhead: string[] | null): void {
  const { fonts, fontSizes, margins } = style;
  const left = margins.left;
  const width = doc.page.width - margins.left - margins.right;
  const nameSize = letterhead ? LETTERHEAD.name : fontSizes.small;
  doc.fillColor('black').font(fonts.bold).fontSize(fontSizes.small);
  const referenceWidth = Math.min(doc.widthOfString(f.reference), width * 0.4);
  doc.fontSize(nameSize).text(f.header, left, HEADER_TOP, { width: width - referenceWidth - 12, lineBreak: false });
  // The reference sits on the name's baseline.
  doc.fontSize(fontSizes.small).text(f.reference, left + width - referenceWidth, HEADER_TOP + (nameSize - fontSizes.small) * 0.8, { width: referenceWidth, align: 'right', lineBreak: false });
  letterhead?.forEach((line, i) => {
    doc.font(fonts.body).fontSize(LETTERHEAD.line).text(line, left, HEADER_TOP + LETTERHEAD.name + 4 + i * LETTERHEAD.lineHeight, { width, lineBreak: false });
  });
  const rule = ruleAt(letterhead !== null, letterhead?.length ?? 0);
  doc.save().moveTo(left, rule).lineTo(left + width, rule).lineWidth(0.5).strokeColor(RULE).stroke().restore();
}

/** The page count right; with a verification address, its QR code left and the address beside it. */
function drawFooter(doc: PDFKit.PDFDocument, style: PageStyle, footer: string, qr: { url: string; code: ReturnType<typeof qrRuns> } | null): void {
  const { fonts, fontSizes, margins } = style;
  const left = margins.left;
  const width = doc.page.width - margins.left - margins.right;
  const line = doc.page.height - FOOTER_LINE;
  doc.fillColor('black').font(fonts.body).fontSize(fontSizes.small);
  const footerWidth = doc.widthOfString(footer);
  doc.text(footer, left + width - footerWidth, line, { width: footerWidth, align: 'right', lineBreak: false });
  if (!qr) return;
  drawQr(doc, qr.code, left, doc.page.height - QR_BOTTOM - QR_SIDE, QR_SIDE);
  const urlLeft = left + QR_SIDE + 3 * MM;
  doc.fillColor('black').font(fonts.body).fontSize(fontSizes.small - 1);
  doc.text(qr.url, urlLeft, line + 1, { width: width - (urlLeft - left) - footerWidth - 12, lineBreak: false });
}

/** The watermark across the page's diagonal, large and light grey, over the content but not hiding it. */
function drawWatermark(doc: PDFKit.PDFDocument, style: PageStyle, text: string): void {
  const { width, height } = doc.page;
  const angle = (Math.atan2(height, width) * 180) / Math.PI;
  doc.save();
  doc.font(style.fonts.bold).fontSize(1);
  const size = Math.min(96, (0.7 * Math.hypot(width, height)) / doc.widthOfString(text));
  doc.fontSize(size);
  const textWidth = doc.widthOfString(text);
  doc.rotate(-angle, { origin: [width / 2, height / 2] });
  // Transparency is allowed in PDF/A-2 and later (with an output intent, which PDF/A-3b has).
  doc.fillColor('#7f7f7f', 0.18).text(text, width / 2 - textWidth / 2, height / 2 - size * 0.6, { lineBreak: false });
  doc.restore();
}
