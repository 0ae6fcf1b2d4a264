import QRCode from 'qrcode';
import { qrRuns } from './qr.js';

describe('qrRuns', () => {
  test.each(['https://lims.example.fi/verify/K-2027-00001', 'https://lims.example.fi/verify/' + 'X'.repeat(120)])(
    'the runs cover exactly the dark modules of the QR code of %s, each run as long as it can be',
    (url) => {
      const { size, data } = QRCode.create(url, { errorCorrectionLevel: 'M' }).modules;
      const { size: runSize, runs } = qrRuns(url);
      expect(runSize).toBe(size);
      const drawn = new Uint8Array(size * size);
      for (const { row, col, length } of runs) {
        for (let c = col; c < col + length; c++) drawn[row * size + c] = 1;
        // A run starts and ends next to a light module or the edge.
        expect([col === 0 || !data[row * size + col - 1], col + length === size || !data[row * size + col + length]]).toEqual([true, true]);
      }
      expect(Array.from(drawn)).toEqual(Array.from(data, (d) => (d ? 1 : 0)));
    },
  );
});
