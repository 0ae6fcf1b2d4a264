import QRCode from 'qrcode';

/** A horizontal run of dark modules in one row of a QR code. */
export interface QrRun {
  row: number;
  col: number;
  length: number;
}

/**
 * The dark modules of the QR code of `text` (error correction M, which survives a crease or a
 * stamp), as runs along each row: drawn as one rectangle a run, the code stays a vector drawing
 * with a few hundred rectangles. `size` is the modules a side, without the quiet zone.
 */
export function qrRuns(text: string): { size: number; runs: QrRun[] } {
  const { size, data } = QRCode.create(text, { errorCorrectionLevel: 'M' }).modules;
  const runs: QrRun[] = [];
  for (let row = 0; row < size; row++) {
    for (let col = 0; col < size; col++) {
      if (!data[row * size + col]) continue;
      const start = col;
      while (col + 1 < size && data[row * size + col + 1]) col++;
      runs.push({ row, col: start, length: col - start + 1 });
    }
  }
  return { size, runs };
}

/**
 * Draws a QR code (`qrRuns`) as black vector rectangles, `side` points square with its top left
 * corner at (x, y), filled at once so no seams show between modules. The caller leaves the quiet
 * zone (four modules) free around it.
 */
export function drawQr(doc: PDFKit.PDFDocument, { size, runs }: ReturnType<typeof qrRuns>, x: number, y: number, side: number): void {
  const module = side / size;
  doc.save();
  for (const run of runs) doc.rect(x + run.col * module, y + run.row * module, run.length * module, module);
  doc.fill('black');
  doc.restore();
}
