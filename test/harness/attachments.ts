import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { TestApp, TestUser } from './test-app.js';

/** Builders of multipart uploads and of small files of every accepted type. */

export const BOUNDARY = '----lims-attachment-test';
export const FORM_TYPE = `multipart/form-data; boundary=${BOUNDARY}`;

export interface FilePart {
  name: string;
  content: Buffer;
  type?: string;
  /** The part's field name (default `file`). */
  field?: string;
}

const fieldPart = (name: string, value: string) => `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
const fileHeader = (file: Omit<FilePart, 'content'>) =>
  `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${file.field ?? 'file'}"; filename="${file.name}"\r\nContent-Type: ${file.type ?? 'application/octet-stream'}\r\n\r\n`;
const CLOSING = `--${BOUNDARY}--\r\n`;

type Fields = Record<string, string> | [string, string][];
const entries = (fields: Fields) => (Array.isArray(fields) ? fields : Object.entries(fields));

/** A multipart body: the fields in order (pairs may repeat a name), then the file (if any), then `after` fields. */
export function form(fields: Fields, file?: FilePart, after: Fields = {}): Buffer {
  const chunks: Buffer[] = [Buffer.from(entries(fields).map(([k, v]) => fieldPart(k, v)).join(''))];
  if (file) chunks.push(Buffer.from(fileHeader(file)), file.content, Buffer.from('\r\n'));
  chunks.push(Buffer.from(entries(after).map(([k, v]) => fieldPart(k, v)).join('') + CLOSING));
  return Buffer.concat(chunks);
}

/**
 * A multipart upload of `totalBytes` generated on the fly: `head` and then filler, chunk by chunk,
 * never the whole file in memory.
 */
export function streamedForm(fields: Record<string, string>, fileName: string, head: Buffer, totalBytes: number): Readable {
  const filler = Buffer.alloc(64 * 1024, 0x20);
  function* parts() {
    yield Buffer.from(Object.entries(fields).map(([k, v]) => fieldPart(k, v)).join('') + fileHeader({ name: fileName }));
    yield head;
    for (let left = totalBytes - head.length; left > 0; left -= filler.length) yield left >= filler.length ? filler : filler.subarray(0, left);
    yield Buffer.from(`\r\n${CLOSING}`);
  }
  return Readable.from(parts(), { objectMode: false });
}

/** A job item the lab can accept: one toleranced characteristic. */
export const BRACKET = { description: 'Bracket 40-123', characteristics: [{ identifier: '1', type: 'diameter', nominal: '12.000', unit: 'mm', tolerance: { kind: 'symmetric', value: '0.01' } }] };

export const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

export const upload = (t: TestApp, user: TestUser, jobId: string, payload: Buffer | Readable, headers: Record<string, string> = {}) =>
  t.request({ method: 'POST', url: `/api/v1/jobs/${jobId}/attachments`, payload, token: user.token, headers: { 'content-type': FORM_TYPE, ...headers } });

/** A throwaway attachments folder, and the files in its content and staging areas. */
export function attachmentsFolder() {
  const dir = mkdtempSync(join(tmpdir(), 'lims-attachments-'));
  const files = (area: 'sha256' | 'staging'): string[] => {
    const root = join(dir, area);
    if (!existsSync(root)) return [];
    return readdirSync(root, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => e.name);
  };
  return { dir, stored: () => files('sha256'), staging: () => files('staging'), remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The NIST CTC 01 model with PMI as QIF 3 (shared formats folder next to the repository). */

export const stepFile = (schema: string, name = 'bracket.stp') =>
  Buffer.from(
    [
      'ISO-10303-21;',
      'HEADER;',
      "FILE_DESCRIPTION(('Bracket 40-123 rev. C'),'2;1');",
      `FILE_NAME('${name}','2026-03-02T09:15:00',('Matti Mittaaja'),('Konepaja Oy'),'','NX 2306','');`,
      `FILE_SCHEMA(('${schema}'));`,
      'ENDSEC;',
      'DATA;',
      "#10=PRODUCT('40-123','Bracket','',(#20));",
      'ENDSEC;',
      'END-ISO-10303-21;',
      '',
    ].join('\r\n'),
  );

export function pngFile(width: number, height: number): Buffer {
  const png = Buffer.alloc(45);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]).copy(png);
  png.write('IHDR', 12, 'latin1');
  png.writeUInt32BE(width, 16);
  png.writeUInt32BE(height, 20);
  return png;
}

/** One small file of each accepted type with what detection must report. */
export const SAMPLES: [label: string, fileName: string, content: Buffer, format: string, mediaType: string, details: Record<string, unknown>][] = [
  ['STEP AP203', 'housing.stp', stepFile('CONFIG_CONTROL_DESIGN', 'housing.stp'), 'step', 'model/step', { applicationProtocol: 'AP203', schemas: ['CONFIG_CONTROL_DESIGN'], fileName: 'housing.stp' }],
  ['STEP AP214', 'shaft.step', stepFile('AUTOMOTIVE_DESIGN { 1 0 10303 214 3 1 1 }', 'shaft.step'), 'step', 'model/step', { applicationProtocol: 'AP214' }],
  ['STEP AP242', 'bracket.stp', stepFile('AP242_MANAGED_MODEL_BASED_3D_ENGINEERING_MIM_LF { 1 0 10303 442 1 1 4 }'), 'step', 'model/step', { applicationProtocol: 'AP242', originatingSystem: 'NX 2306' }],
  ['QIF', 'plan.qif', Buffer.from('<?xml version="1.0" encoding="UTF-8"?>\n<QIFDocument xmlns="http://qifstandards.org/xsd/qif3" versionQIF="3.0.0" idMax="1">\n</QIFDocument>\n'), 'qif', 'application/xml', { version: '3.0.0', major: 3 }],
  ['PDF', 'drawing.pdf', Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n'), 'pdf', 'application/pdf', { version: '1.7' }],
  ['PNG', 'photo.png', pngFile(1024, 768), 'png', 'image/png', { width: 1024, height: 768 }],
  ['JPEG', 'photo.jpg', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0xff, 0xd9]), 'jpeg', 'image/jpeg', {}],
  ['TIFF', 'scan.tif', Buffer.from('II*\0\x08\0\0\0\0\0', 'latin1'), 'tiff', 'image/tiff', { byteOrder: 'little-endian' }],
  ['GIF', 'sketch.gif', Buffer.from('GIF89a\x10\x00\x20\x00\x00\x00\x00;', 'latin1'), 'gif', 'image/gif', { width: 16, height: 32 }],
  ['DXF (ASCII)', 'profile.dxf', Buffer.from('  0\r\nSECTION\r\n  2\r\nHEADER\r\n  9\r\n$ACADVER\r\n  1\r\nAC1032\r\n  0\r\nENDSEC\r\n  0\r\nEOF\r\n'), 'dxf', 'image/vnd.dxf', { encoding: 'ascii', version: 'AC1032' }],
  ['DXF (binary)', 'profile-bin.dxf', Buffer.from('AutoCAD Binary DXF\r\n\x1a\x00\x00\x00\x00', 'latin1'), 'dxf', 'image/vnd.dxf', { encoding: 'binary' }],
];
