/**
 * A pdfkit document set up as a PDF/A-3b archive copy: the house fonts embedded, the metadata in
 * the Info dictionary and in XMP alike, the sRGB output intent (pdfkit adds it for PDF/A), and
 * associated files (/AF) such as a certificate's machine-readable DCC. Nothing in it depends on the
 * clock or on chance, so the same input gives the same bytes.
 */
import PDFDocument from 'pdfkit';
import { registerHouseFonts } from './fonts.js';
import type { Language } from './i18n.js';
import type { PageStyle } from './pdf-renderer.js';

/** A file embedded in the PDF and associated with the whole document (PDF/A-3). */
export interface Attachment {
  name: string;
  data: Buffer;
  /** Its media type, e.g. 'application/xml'. */
  mimeType: string;
  description: string;
  /** How it relates to the document: 'Alternative' for the same content in another form (a DCC). */
  relationship: 'Source' | 'Data' | 'Alternative' | 'Supplement';
}

export interface DocumentMetadata {
  /** The PDF's title. */
  title: string;
  /** The PDF's author: the lab. */
  author: string;
  subject?: string;
  keywords?: string[];
  /** The language of the document (its first pages), as the PDF's /Lang. */
  language: Language;
  /** The document's fixed date: its creation date, and that of its attachments. */
  createdAt: Date;
  attachments?: Attachment[];
}

// pdfkit 0.20 writes /AFRelationship from this option; @types/pdfkit 0.17 does not list it yet.
declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace -- augments @types/pdfkit's namespace
  namespace PDFKit.Mixins {
    interface PDFAttachmentOptions {
      relationship?: Attachment['relationship'];
    }
  }
}

const xmlEscapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/**
 * pdfkit copies the Info strings into the XMP packet without escaping them: a title with '&' or '<'
 * would make the packet malformed and the file no PDF/A. When the packet is made the Info
 * dictionary is already written, so the strings are escaped for the packet alone.
 */
function escapeXmpStrings(doc: PDFKit.PDFDocument): void {
  const internals = doc as unknown as { endMetadata(): void; info: Record<string, unknown> };
  const endMetadata = internals.endMetadata.bind(doc);
  internals.endMetadata = () => {
    for (const [key, value] of Object.entries(internals.info)) {
      if (typeof value === 'string') internals.info[key] = value.replace(/[&<>]/g, (c) => xmlEscapes[c]!);
    }
    endMetadata();
  };
}

/** A new PDF/A-3b document in the page style, with its bytes once `doc.end()` is called. */
export function openPdf(style: PageStyle, meta: DocumentMetadata): { doc: PDFKit.PDFDocument; bytes: Promise<Buffer> } {
  const doc = new PDFDocument({
    size: style.size,
    margins: style.margins,
    bufferPages: true,
    pdfVersion: '1.7',
    subset: 'PDF/A-3b',
    lang: meta.language,
    displayTitle: true,
    // No default font: pdfkit would load Helvetica, which PDF/A cannot have unembedded.
    font: null as unknown as string,
    info: {
      Title: meta.title,
      Author: meta.author,
      ...(meta.subject ? { Subject: meta.subject } : {}),
      ...(meta.keywords?.length ? { Keywords: meta.keywords.join(', ') } : {}),
      Creator: 'KTK LIMS',
      Producer: 'KTK LIMS',
      CreationDate: meta.createdAt,
    },
  });
  escapeXmpStrings(doc);
  registerHouseFonts(doc);
  doc.font(style.fonts.body);
  for (const a of meta.attachments ?? []) {
    doc.file(a.data, { name: a.name, type: a.mimeType, description: a.description, relationship: a.relationship, creationDate: meta.createdAt, modifiedDate: meta.createdAt });
  }
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const bytes = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  return { doc, bytes };
}
