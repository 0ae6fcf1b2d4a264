import { MEDIA_TYPES, type FileFormat } from './attachment-kinds.js';
import { readQifRoot } from './qif-root.js';
import { readStepHeader } from './step-header.js';

/** How many leading bytes detection reads: enough for a STEP header or a QIF root tag. */
export const HEAD_BYTES = 64 * 1024;

export interface DetectedType {
  format: FileFormat;
  mediaType: string;
  /** What the header tells, per format (STEP schema and AP, QIF version, PDF version, image size...). */
  details: Record<string, unknown>;
}

const BINARY_DXF = Buffer.from('AutoCAD Binary DXF\r\n\x1a\x00', 'latin1');
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const DXF_SECTIONS = /^(HEADER|CLASSES|TABLES|BLOCKS|ENTITIES|OBJECTS|THUMBNAILIMAGE)$/;

const found = (format: FileFormat, details: Record<string, unknown> = {}): DetectedType => ({ format, mediaType: MEDIA_TYPES[format], details });

function image(head: Buffer): DetectedType | null {
  if (head.subarray(0, 8).equals(PNG)) {
    // The IHDR chunk comes first: width and height, big-endian.
    return found('png', head.length >= 24 && head.toString('latin1', 12, 16) === 'IHDR' ? { width: head.readUInt32BE(16), height: head.readUInt32BE(20) } : {});
  }
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return found('jpeg');
  const gif = /^GIF(87a|89a)/.exec(head.toString('latin1', 0, 6));
  if (gif) return found('gif', { version: gif[1], ...(head.length >= 10 ? { width: head.readUInt16LE(6), height: head.readUInt16LE(8) } : {}) });
  const tiff = head.toString('latin1', 0, 4);
  if (tiff === 'II*\0' || tiff === 'MM\0*') return found('tiff', { byteOrder: tiff === 'II*\0' ? 'little-endian' : 'big-endian', bigTiff: false });
  if (tiff === 'II+\0' || tiff === 'MM\0+') return found('tiff', { byteOrder: tiff === 'II+\0' ? 'little-endian' : 'big-endian', bigTiff: true });
  return null;
}

/** ASCII DXF: group code / value line pairs; after `999` comments the first must be `0 SECTION`, then `2 <section name>`. */
function asciiDxf(text: string): DetectedType | null {
  const lines = text.split(/\r?\n/, 64).map((l) => l.trim());
  let i = 0;
  while (lines[i] === '999') i += 2;
  if (lines[i] !== '0' || lines[i + 1] !== 'SECTION' || lines[i + 2] !== '2' || !DXF_SECTIONS.test(lines[i + 3] ?? '')) return null;
  const version = /\$ACADVER\s*\r?\n\s*1\s*\r?\n\s*(AC\d{4})/.exec(text);
  return found('dxf', { encoding: 'ascii', ...(version ? { version: version[1] } : {}) });
}

/**
 * The type of a file from its first bytes (at most HEAD_BYTES), never from its name: STEP (with the
 * header's schema, AP and file name), QIF (root element and version), PDF, PNG, JPEG, GIF, TIFF, or
 * DXF (ASCII or binary). Null for anything else.
 */
export function detectFileType(head: Buffer): DetectedType | null {
  const img = image(head);
  if (img) return img;
  if (head.subarray(0, BINARY_DXF.length).equals(BINARY_DXF)) return found('dxf', { encoding: 'binary' });
  const text = head.toString('utf8');
  const step = readStepHeader(text);
  if (step) return found('step', { ...step });
  const qif = readQifRoot(text);
  if (qif) return found('qif', { ...qif });
  // PDF readers accept the header anywhere in the first 1024 bytes (some writers put junk before it).
  const pdf = /%PDF-(\d\.\d)/.exec(head.toString('latin1', 0, 1024));
  if (pdf) return found('pdf', { version: pdf[1] });
  return asciiDxf(text);
}

const EXTENSIONS: Record<string, FileFormat> = {
  stp: 'step', step: 'step', p21: 'step', qif: 'qif', pdf: 'pdf', png: 'png', jpg: 'jpeg', jpeg: 'jpeg', jpe: 'jpeg', jfif: 'jpeg',
  tif: 'tiff', tiff: 'tiff', gif: 'gif', dxf: 'dxf',
};

/**
 * A warning when the file's name says another type than its content (the content wins), e.g.
 * `bracket.pdf` holding a STEP model. Null when the name fits or has no known extension.
 */
export function nameMismatch(fileName: string, format: FileFormat): string | null {
  const ext = /\.([A-Za-z0-9]+)$/.exec(fileName)?.[1]?.toLowerCase();
  const byName = ext ? EXTENSIONS[ext] : undefined;
  if (!byName || byName === format) return null;
  return `The name ${fileName} suggests ${byName.toUpperCase()}, but the content is ${format.toUpperCase()}; it is stored and served as ${format.toUpperCase()} (${MEDIA_TYPES[format]}).`;
}
