import type { TFunction } from 'i18next';
import type { Db } from '../../db/database.js';
import type { Actor } from '../../shared/actor.js';
import { todayInFinland } from '../../shared/finnish-calendar.js';
import { getAgreement } from '../agreements/index.js';
import { getCompany, type CompanyRow } from '../companies/index.js';
import { documentOpening, formatDate, formatDecimal, formatMoney, partiesFields, renderOfficialDocument, sectionsInOrder, translator, type Block, type Language } from '../documents/index.js';
import { getPriceList } from '../pricing/index.js';
import { getUser } from '../users/index.js';
import { getQuote } from './quotes.service.js';

type QuoteView = Awaited<ReturnType<typeof getQuote>>;
type Line = QuoteView['lines'][number];

/** What the quote document shows, read once: every language is rendered from this. */
interface QuoteDocumentData {
  quote: QuoteView;
  company: CompanyRow;
  priceList: { versionNumber: number; effectiveFrom: string };
  /** The annual agreements that priced lines, and the ad hoc agreement made on acceptance. */
  agreements: { kind: 'annual' | 'ad_hoc'; number: string; version: number }[];
  /** Who accepted (the name given on acceptance) or declined (the user's name) the quote. */
  decidedBy: string | null;
}

type Section = (d: QuoteDocumentData, t: TFunction, lang: Language) => Block[];

const discount = (l: Line, t: TFunction, lang: Language): string => {
  if (l.priceSource === 'agreement_discount') return t('lines.discountOf', { percent: formatDecimal(l.discountPercent, lang), price: formatMoney(l.listUnitPrice, lang) });
  return l.priceSource === 'agreement_fixed_price' ? t('lines.fixedPrice') : t('lines.none');
};

/** Open until its validity date, expired, or accepted / declined by whom and on which day (in Finland). */
const status = ({ quote: q, decidedBy }: QuoteDocumentData, t: TFunction, lang: Language): string =>
  t(`status.${q.status}`, { date: formatDate(q.decidedAt ? todayInFinland(q.decidedAt) : q.validUntil, lang), name: decidedBy ?? '' });

/** One builder per section id of templates/quote.json; all texts come from locales/<lang>/quote.json and common.json. */
const SECTIONS: Record<string, Section> = {
  parties: ({ company }, t) => [{ kind: 'heading', text: t('sections.parties') }, partiesFields(t, company)],
  details: (d, t, lang) => {
    const { quote: q, priceList, agreements } = d;
    const rows: [string, string][] = [
      [t('details.number'), q.number],
      [t('details.date'), formatDate(q.quoteDate, lang)],
      [t('details.validUntil'), t('details.validUntilValue', { date: formatDate(q.validUntil, lang) })],
    ];
    if (q.customerReference) rows.push([t('details.customerReference'), q.customerReference]);
    if (q.notes) rows.push([t('details.notes'), q.notes]);
    rows.push([t('details.priceList'), t('details.priceListValue', { version: priceList.versionNumber, from: formatDate(priceList.effectiveFrom, lang) })]);
    if (agreements.length) rows.push([t('details.agreement'), agreements.map((a) => t(`details.agreements.${a.kind}`, { number: a.number, version: a.version })).join('\n')]);
    rows.push([t('details.status'), status(d, t, lang)]);
    return [{ kind: 'heading', text: t('sections.details') }, { kind: 'fields', rows }];
  },
  lines: ({ quote: q }, t, lang) => [
    { kind: 'heading', text: t('sections.lines') },
    { kind: 'paragraph', text: t('lines.exclVat') },
    {
      kind: 'table',
      columns: [
        { header: t('lines.no'), width: 6 },
        { header: t('lines.item'), width: 32 },
        { header: t('lines.quantity'), width: 11, align: 'right' },
        { header: t('lines.unitPrice'), width: 15, align: 'right' },
        { header: t('lines.discount'), width: 19 },
        { header: t('lines.total'), width: 17, align: 'right' },
      ],
      rows: q.lines.map((l) => [
        String(l.lineNo),
        `${l.itemCode}\n${l.description}\n${t(`common:services.${l.service}`)}`,
        `${formatDecimal(l.quantity, lang)}\u00a0${t(`lines.units.${l.unit}`)}`,
        formatMoney(l.unitPrice, lang),
        discount(l, t, lang),
        formatMoney(l.lineNet, lang),
      ]),
    },
  ],
  totals: ({ quote: q }, t, lang) => [
    { kind: 'heading', text: t('sections.totals') },
    {
      kind: 'fields',
      rows: [
        [t('totals.net'), formatMoney(q.netTotal, lang)],
        [t('totals.vat', { rate: formatDecimal(q.vatRate, lang) }), formatMoney(q.vatTotal, lang)],
        [t('totals.gross'), formatMoney(q.grossTotal, lang)],
      ],
    },
  ],
  delivery: ({ quote: q }, t, lang) => [
    { kind: 'heading', text: t('sections.delivery') },
    {
      kind: 'fields',
      rows: [
        [t('delivery.receipt'), formatDate(q.expectedReceiptOn, lang)],
        [t('delivery.time'), t('delivery.workingDays', { days: q.deliveryWorkingDays })],
        [t('delivery.date'), formatDate(q.deliveryDate, lang)],
      ],
    },
    { kind: 'paragraph', text: t('common:workingDaysNote') },
  ],
};

/** The blocks of the quote in one language, in the order the template gives. */
function quoteBlocks(d: QuoteDocumentData, lang: Language): Block[] {
  const t = translator(lang, 'quote');
  const opening = documentOpening(t, lang, t('title'), t('subtitle', { number: d.quote.number, date: formatDate(d.quote.quoteDate, lang) }));
  return [...opening, ...sectionsInOrder('quote', SECTIONS, d, t, lang)];
}

/** Reads the quote the actor may see, with its customer, price list version, agreements and decider. */
async function readQuote(db: Db, actor: Actor, id: string): Promise<QuoteDocumentData> {
  const quote = await getQuote(db, actor, id);
  const company = await getCompany(db, actor, quote.companyId);
  const priceList = await getPriceList(db, quote.priceListVersionId);
  const agreementIds = new Set([...quote.lines.map((l) => l.agreementId), quote.adHocAgreementId].filter((a): a is string => a !== null));
  const agreements = await Promise.all([...agreementIds].map((a) => getAgreement(db, actor, a)));
  const decidedBy = quote.acceptedByName ?? (quote.decidedBy ? (await getUser(db, quote.decidedBy)).displayName : null);
  return { quote, company, priceList, agreements, decidedBy };
}

/**
 * Renders the quote as PDF: the Finnish original, followed (on a new page) by a companion
 * translation in `companion` or the company's preferred language when that is not Finnish. Same
 * access as reading the quote: another company's quote is not found.
 */
export async function renderQuoteDocument(db: Db, actor: Actor, id: string, companion?: Language): Promise<{ pdf: Buffer; fileName: string }> {
  const data = await readQuote(db, actor, id);
  const { quote } = data;
  const pdf = await renderOfficialDocument({
    layout: 'quote',
    blocksIn: (lang) => quoteBlocks(data, lang),
    companion: companion ?? data.company.preferredLanguage,
    title: `${translator('fi', 'quote')('title')} ${quote.number}`,
    reference: quote.number,
    createdAt: quote.decidedAt ?? quote.createdAt,
  });
  return { pdf, fileName: `${quote.number}.pdf` };
}
