/**
 * Certificates: rendering a 20-point calibration certificate (the fixture model, fi) and issuing it
 * (every language, fi + en + sv + et, with the DCC attached to each, then stored), in documents per
 * second, against a bare PDFKit script that writes the same text and the same table with the same
 * fonts (registered per document, the plain PDFKit way; and with the parsed fonts shared, as the
 * renderer does). The service renders in worker threads (RenderPool): issuing renders the
 * companions side by side, and `pooledRenderPerSecond` renders two documents at a time.
 *
 * Run: npx tsx bench/documents.ts
 */
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import PDFDocument from 'pdfkit';
import { calibrationCertificateModel } from '../test/fixtures/document-models.js';
import { documentBlocks, renderDocument, type RenderSettings } from '../src/modules/certificates/certificate-document.js';
import { renderFiles } from '../src/modules/certificates/document-issuing.service.js';
import { RenderPool } from '../src/modules/certificates/render-pool.js';
import { fontBytes } from '../src/modules/documents/fonts.js';
import type { Block } from '../src/modules/documents/index.js';
import { pdfText } from '../test/harness/pdf-text.js';

const RUNS = 20;
const model = { ...calibrationCertificateModel(20), languages: ['fi', 'en', 'sv', 'et'] };
const settings: RenderSettings = { draft: false, verifyUrl: 'https://lims.example.fi/verify/K-2026-0001', originalSha256: null, dcc: null, createdAt: new Date('2026-12-04T10:00:00Z') };
const fontkit = createRequire(createRequire(import.meta.url).resolve('pdfkit'))('fontkit') as { create(data: Uint8Array): object };

/** The same blocks written with PDFKit directly: text flowed down the page, table cells at fixed columns, no layout rules. */
function bare(blocks: Block[], fonts: 'registered' | 'shared', shared: Map<string, object>): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 60, bufferPages: true });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  for (const [name, data] of fontBytes()) doc.registerFont(name, (fonts === 'shared' ? shared.get(name) : data) as Buffer);
  doc.font('DejaVuSans').fontSize(9.5);
  for (const b of blocks) {
    if (b.kind === 'table') {
      const width = 475 / b.columns.length;
      doc.font('DejaVuSansCondensed-Bold');
      for (const [row, cells] of [b.columns.map((c) => c.header), ...b.rows].entries()) {
        if (doc.y > 740) doc.addPage();
        const y = doc.y;
        cells.forEach((cell, i) => doc.text(cell, 60 + i * width, y, { width: width - 4 }));
        doc.moveTo(60, doc.y + 2).lineTo(535, doc.y + 2).stroke();
        doc.y += 4;
        if (row === 0) doc.font('DejaVuSansCondensed');
      }
      doc.font('DejaVuSans');
    } else if ('text' in b) doc.text(b.text, 60, undefined, { width: 475 });
    else if (b.kind === 'fields') for (const [k, v] of b.rows) doc.text(`${k}: ${v}`, 60, undefined, { width: 475 });
    else if (b.kind === 'list') for (const item of b.items) doc.text(`• ${item}`, 60, undefined, { width: 475 });
  }
  const pages = doc.bufferedPageRange().count;
  for (let i = 0; i < pages; i++) {
    doc.switchToPage(i);
    doc.text(`Sivu ${i + 1} / ${pages}`, 60, 800, { width: 475, align: 'right', lineBreak: false });
  }
  doc.end();
  return done;
}

async function perSecond(run: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < 5; i++) await run();
  const start = process.hrtime.bigint();
  for (let i = 0; i < RUNS; i++) await run();
  return RUNS / (Number(process.hrtime.bigint() - start) / 1e9);
}

export interface DocumentsBench {
  pages: number;
  /** Two documents at a time through the worker pool (what concurrent requests get). */
  pooledRenderPerSecond: number;
  renderPerSecond: number;
  barePerSecond: number;
  bareSharedFontsPerSecond: number;
  issuePerSecond: number;
}

export async function runDocumentsBench(): Promise<DocumentsBench> {
  const shared = new Map([...fontBytes()].map(([name, data]) => [name, fontkit.create(data)]));
  const blocks = documentBlocks(model, 'fi', settings);
  const { pages } = await pdfText(await renderDocument(model, 'fi', settings));
  const pool = new RenderPool();
  const render = pool.render;
  const db = await PGlite.create('memory://');
  await db.exec('CREATE TABLE files (document text, kind text, language text, sha256 text, content bytea)');
  let n = 0;
  const issuePerSecond = await perSecond(async () => {
    const files = await renderFiles(render, { ...model, number: `K-2026-${String((n += 1)).padStart(4, '0')}` }, settings.verifyUrl!, settings.createdAt);
    // One multi-row INSERT, as the service stores a document's files.
    const rows = files.map((_, i) => `($${5 * i + 1}, $${5 * i + 2}, $${5 * i + 3}, $${5 * i + 4}, $${5 * i + 5})`).join(', ');
    await db.query(`INSERT INTO files VALUES ${rows}`, files.flatMap((f) => [String(n), f.kind, f.language, createHash('sha256').update(f.content).digest('hex'), f.content]));
  });
  await db.close();
  const pooled = await perSecond(() => Promise.all([0, 1].map(() => render(model, 'fi', settings))));
  await pool.close();
  // The renderer and the bare scripts take turns, five rounds, median of each: a busy moment of the
  // machine then does not fall on one of them alone.
  const variants = { render: () => renderDocument(model, 'fi', settings), bare: () => bare(blocks, 'registered', shared), bareShared: () => bare(blocks, 'shared', shared) };
  const rounds: Record<keyof typeof variants, number[]> = { render: [], bare: [], bareShared: [] };
  for (let round = 0; round < 5; round++) for (const [name, run] of Object.entries(variants)) rounds[name as keyof typeof variants].push(await perSecond(run));
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  return {
    pooledRenderPerSecond: 2 * pooled,
    pages: pages.length,
    renderPerSecond: median(rounds.render),
    barePerSecond: median(rounds.bare),
    bareSharedFontsPerSecond: median(rounds.bareShared),
    issuePerSecond,
  };
}

if (import.meta.url === pathToFileURL(process.argv[1]!).href) {
  console.log(await runDocumentsBench());
}
