/** Extracts the text of a PDF, page by page, with pdf.js (tests check text, never bytes). */
export async function pdfText(data: Buffer): Promise<{ pages: string[]; text: string }> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(data), useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : ' ') : '')).join(''));
  }
  await doc.destroy();
  // Line breaks inside a paragraph are where pdfkit wrapped it: join them back for searching.
  return { pages, text: pages.join('\n').replace(/\s+/g, ' ') };
}
