/**
 * Renders a certificate or report in one language from its model: the opening (title, number, the
 * translation statement with the original's SHA-256 in a companion, the amendment statement), the
 * sections of `templates/<type>.json`, and on every page the lab's header, the page count in the
 * page's language and, once issued, the QR code of the verification address. A draft carries the
 * LUONNOS / DRAFT watermark and no number. PDF/A-3b; a calibration certificate's DCC is attached.
 */
import type { TFunction } from 'i18next';
import { formatDate, loadLayout, renderPdf, sectionsInOrder, translator, type Block, type Language } from '../documents/index.js';
import { RESULTS } from './document-results.js';
import { SECTIONS } from './document-sections.js';
import type { DocumentModel } from './domain/document-model.js';

export interface RenderSettings {
  draft: boolean;
  /** The public verification address (`PUBLIC_BASE_URL/verify/{number}`); null for a draft. */
  verifyUrl: string | null;
  /** The SHA-256 of the Finnish original, stated in a companion; null in the original or a draft. */
  originalSha256: string | null;
  /** The DCC to attach (calibration certificates), or null. */
  dcc: Buffer | null;
  /** The document's fixed date: the same model and date render the same bytes. */
  createdAt: Date;
}

const BUILDERS = { ...SECTIONS, ...RESULTS };
const translators = new Map<string, TFunction>();
const certificateT = (lang: Language): TFunction => {
  let t = translators.get(lang);
  if (!t) translators.set(lang, (t = translator(lang, 'certificate')));
  return t;
};

function opening(m: DocumentModel, t: TFunction, lang: Language, s: RenderSettings): Block[] {
  const title = t(`titles.${m.type}`);
  const blocks: Block[] = [
    { kind: 'title', text: title },
    { kind: 'subtitle', text: m.number ? `${t('number', { number: m.number })} · ${t('issuedOn', { date: formatDate(m.issuedOn!, lang) })}` : t('draftNumber') },
  ];
  if (lang !== 'fi') blocks.push({ kind: 'statement', text: m.number && s.originalSha256 ? t('translationOf', { number: m.number, sha256: s.originalSha256 }) : t('translationOfDraft') });
  if (m.supersedes) blocks.push({ kind: 'statement', text: t('replaces', { number: m.supersedes.number, reason: m.supersedes.reason }) });
  return blocks;
}

/** The blocks of the document in one language, in the order its template gives. */
export function documentBlocks(m: DocumentModel, lang: Language, s: RenderSettings): Block[] {
  const t = certificateT(lang);
  return [...opening(m, t, lang, s), ...sectionsInOrder(m.type, BUILDERS, m, t, lang)];
}

/** The PDF of the document in `language`. */
export function renderDocument(m: DocumentModel, language: string, s: RenderSettings): Promise<Buffer> {
  const lang = language as Language;
  const t = certificateT(lang);
  const reference = m.number ?? t('watermark');
  const accreditation = m.accreditation === 'full' && m.laboratory.accreditationNumber ? t('accreditationSymbol', { number: m.laboratory.accreditationNumber }) : null;
  return renderPdf(loadLayout(m.type), documentBlocks(m, lang, s), {
    title: `${t(`titles.${m.type}`)} ${m.number ?? ''}`.trim(),
    subject: m.job.number,
    author: m.laboratory.name,
    furniture: (page, pages) => ({ header: m.laboratory.name, reference, footer: t('page', { page, pages }) }),
    createdAt: s.createdAt,
    language: lang,
    ...(accreditation ? { letterhead: { lines: [accreditation] } } : {}),
    ...(s.draft ? { watermark: t('watermark') } : {}),
    ...(s.verifyUrl ? { qr: s.verifyUrl } : {}),
    ...(s.dcc ? { attachments: [{ name: `${m.number ?? 'dcc'}.xml`, data: s.dcc, mimeType: 'application/xml', description: 'Digital Calibration Certificate (PTB DCC 3.3.0)', relationship: 'Alternative' as const }] } : {}),
  });
}
