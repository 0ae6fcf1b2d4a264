/**
 * The house fonts: DejaVu Sans from the `dejavu-fonts-ttf` package, embedded (as subsets) in every
 * PDF, so Ł, õ, ≤, ± and µ print and extract as text, and PDF/A's "every font embedded" holds.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const FILES = {
  DejaVuSans: 'DejaVuSans.ttf',
  'DejaVuSans-Bold': 'DejaVuSans-Bold.ttf',
  'DejaVuSans-Oblique': 'DejaVuSans-Oblique.ttf',
  DejaVuSansCondensed: 'DejaVuSansCondensed.ttf',
  'DejaVuSansCondensed-Bold': 'DejaVuSansCondensed-Bold.ttf',
} as const;

/** The name a document knows a house face by (its PostScript name). */
export type FontName = keyof typeof FILES;
export const FONT_NAMES = Object.keys(FILES) as FontName[];

const require = createRequire(import.meta.url);
/**
 * fontkit as pdfkit itself loads it (resolved from pdfkit's folder, so always the version pdfkit
 * expects). pdfkit takes a parsed fontkit font wherever it takes font bytes; parsing DejaVu Sans
 * costs about 12 ms a face, so parsing once per process rather than once per document is most of
 * a document's render time.
 */
const fontkit = createRequire(require.resolve('pdfkit'))('fontkit') as { create(data: Uint8Array): object };

let bytes: Map<FontName, Buffer> | null = null;
let parsed: Map<FontName, object> | null = null;

/** The TrueType files of the house faces, read once per process. */
export function fontBytes(): ReadonlyMap<FontName, Buffer> {
  bytes ??= new Map(FONT_NAMES.map((name) => [name, readFileSync(require.resolve(`dejavu-fonts-ttf/ttf/${FILES[name]}`))]));
  return bytes;
}

/**
 * Registers every house face on the document under its name. The parsed fonts are shared between
 * documents: pdfkit keeps what it embeds (the subset, widths, layout cache) per document, and
 * rendering is synchronous, so documents never interleave inside one.
 */
export function registerHouseFonts(doc: PDFKit.PDFDocument): void {
  parsed ??= new Map([...fontBytes()].map(([name, data]) => [name, fontkit.create(data)]));
  // @types/pdfkit lists paths and bytes as font sources; pdfkit also accepts a fontkit font.
  for (const [name, font] of parsed) doc.registerFont(name, font as unknown as Buffer);
  shareLayouts(doc);
}

/** Documents rendered with the same shared layouts before they start afresh (bounds the memory the word cache takes). */
const DOCUMENTS_PER_LAYOUT_CACHE = 500;
let layouts = new Map<FontName, object>();
let documentsOnLayouts = 0;

/**
 * pdfkit lays out every word with the font's OpenType features and caches the result per document
 * (`fontLayoutCache`); most of a document's render time is that shaping. A word's layout depends
 * only on the font and the word, so the house fonts share one word cache across documents,
 * started afresh every DOCUMENTS_PER_LAYOUT_CACHE documents so that it cannot grow without bound.
 * (The glyph subset, widths and text map stay per document.)
 */
function shareLayouts(doc: PDFKit.PDFDocument): void {
  if (++documentsOnLayouts > DOCUMENTS_PER_LAYOUT_CACHE) {
    layouts = new Map();
    documentsOnLayouts = 1;
  }
  const internals = doc as unknown as { _font: { layoutCache?: object } | null };
  for (const name of FONT_NAMES) {
    doc.font(name);
    const font = internals._font!;
    const shared = layouts.get(name);
    if (shared) font.layoutCache = shared;
    else if (font.layoutCache) layouts.set(name, font.layoutCache);
  }
  doc.font(FONT_NAMES[0]!);
}
