import type { TFunction } from 'i18next';
import type { Db } from '../../db/database.js';
import type { Actor } from '../../shared/actor.js';
import { getCompany, type CompanyRow } from '../companies/index.js';
import { documentOpening, formatDate, formatDecimal, formatMoney, partiesFields, renderOfficialDocument, sectionsInOrder, translator, type Block, type Language } from '../documents/index.js';
import type { AgreementView } from './agreements.presenter.js';
import { getAgreement } from './agreements.service.js';

type Section = (a: AgreementView, c: CompanyRow, t: TFunction, lang: Language) => Block[];

const person = (p: { name: string; title: string | null; email: string | null; phone: string | null }) => [p.name, p.title, p.email, p.phone].filter(Boolean).join(', ');

/** One builder per section id of templates/agreement.json; all texts come from locales/<lang>/agreement.json. */
const SECTIONS: Record<string, Section> = {
  parties: (_a, c, t) => [{ kind: 'heading', text: t('sections.parties') }, partiesFields(t, c)],
  scope: (a, _c, t, lang) => [
    { kind: 'heading', text: t('sections.scope') },
    {
      kind: 'fields',
      rows: [
        [t('fields.services'), a.services.map((s) => t(`common:services.${s}`)).join('\n')],
        [t('fields.validity'), a.validTo ? `${formatDate(a.validFrom, lang)} – ${formatDate(a.validTo, lang)}` : t('fields.openEnded', { from: formatDate(a.validFrom, lang) })],
      ],
    },
  ],
  delivery: (a, _c, t) => [
    { kind: 'heading', text: t('sections.delivery') },
    { kind: 'list', items: a.services.map((s) => t('delivery.workingDays', { service: t(`common:services.${s}`), days: a.terms.delivery.workingDays[s] })) },
    { kind: 'paragraph', text: t('common:workingDaysNote') },
    { kind: 'fields', rows: [[t('delivery.shipping'), a.terms.delivery.shipping]] },
  ],
  procedures: (a, _c, t) => [
    { kind: 'heading', text: t('sections.procedures') },
    { kind: 'paragraph', text: a.terms.procedures },
  ],
  pricing: (a, _c, t, lang) => {
    const items = [
      ...Object.entries(a.terms.pricing.discounts).map(([s, p]) => t('pricing.discount', { service: t(`common:services.${s}`), percent: formatDecimal(p!, lang) })),
      ...Object.entries(a.terms.pricing.fixedPrices).map(([code, price]) => t('pricing.fixed', { code, price: formatMoney(price, lang) })),
    ];
    return [
      { kind: 'heading', text: t('sections.pricing') },
      { kind: 'paragraph', text: t('pricing.basis') },
      items.length ? { kind: 'list', items } : { kind: 'paragraph', text: t('pricing.none') },
    ];
  },
  decisionRule: (a, _c, t) => [
    { kind: 'heading', text: t('sections.decisionRule') },
    { kind: 'paragraph', text: t(`decisionRule.${a.terms.decisionRule.rule}`) },
    ...(a.terms.decisionRule.notes ? [{ kind: 'paragraph', text: t('decisionRule.notes', { notes: a.terms.decisionRule.notes }) } as Block] : []),
  ],
  languages: (a, _c, t) => {
    const others = a.terms.languages.filter((l) => l !== 'fi').map((l) => t(`common:languageNames.${l}`));
    return [
      { kind: 'heading', text: t('sections.languages') },
      { kind: 'paragraph', text: t('languages.text', { languages: others.length ? others.join(', ') : t('languages.none') }) },
    ];
  },
  contacts: (a, _c, t) => [
    { kind: 'heading', text: t('sections.contacts') },
    {
      kind: 'fields',
      rows: [
        [t('contacts.customer'), a.terms.contacts.customer.map(person).join('\n') || t('contacts.none')],
        [t('contacts.lab'), a.terms.contacts.lab.map(person).join('\n') || t('contacts.none')],
      ],
    },
  ],
  nda: (a, _c, t, lang) => {
    const n = a.nda;
    const term =
      n.effectiveFrom && n.expiresOn
        ? t('nda.term', { months: n.termMonths, from: formatDate(n.effectiveFrom, lang), to: formatDate(n.expiresOn, lang) })
        : t('nda.termPending', { months: n.termMonths });
    return [
      { kind: 'heading', text: t('sections.nda') },
      { kind: 'paragraph', text: `${t('nda.intro')} ${t(`nda.${n.kind}`)}` },
      { kind: 'paragraph', text: t('nda.covers') },
      { kind: 'list', items: n.covers.map((c) => t(`nda.coverNames.${c}`)) },
      { kind: 'paragraph', text: t('nda.obligations') },
      { kind: 'paragraph', text: t('nda.exceptions') },
      { kind: 'paragraph', text: term },
      { kind: 'paragraph', text: `${t('nda.retention', { months: n.retentionMonths })} ${t(`nda.disposal.${n.disposal}`)}` },
    ];
  },
  signatures: (a, c, t, lang) => {
    const signed = (s: AgreementView['labSignature']) => (s ? [s.name + (s.title ? `, ${s.title}` : ''), t('signatures.signedOn', { date: formatDate(s.signedOn, lang) })] : ['', t('signatures.unsigned')]);
    const [labName, labDetail] = signed(a.labSignature);
    const [custName, custDetail] = signed(a.customerSignature);
    return [
      { kind: 'heading', text: t('sections.signatures') },
      {
        kind: 'signatures',
        parties: [
          { role: `${t('signatures.lab')}: ${t('common:lab.name')}`, name: labName!, detail: labDetail! },
          { role: `${t('signatures.customer')}: ${c.name}`, name: custName!, detail: custDetail! },
        ],
      },
    ];
  },
};

/** The blocks of the agreement in one language, in the order the template gives. */
export function agreementBlocks(a: AgreementView, company: CompanyRow, lang: Language): Block[] {
  const t = translator(lang, 'agreement');
  const blocks = documentOpening(t, lang, t(`title.${a.kind}`), t('subtitle', { number: a.number, version: a.version }));
  if (a.status === 'draft') blocks.push({ kind: 'note', text: t('draft') });
  if (a.status === 'superseded') blocks.push({ kind: 'note', text: t('superseded') });
  if (a.status === 'terminated' && a.terminatedOn) blocks.push({ kind: 'note', text: t('terminated', { date: formatDate(a.terminatedOn, lang), reason: a.terminationReason ?? '' }) });
  return [...blocks, ...sectionsInOrder('agreement', SECTIONS, a, company, t, lang)];
}

/**
 * Renders the written agreement: the Finnish original, followed (on a new page) by a companion
 * translation in `companion` or the company's preferred language when that is not Finnish.
 */
export async function renderAgreementDocument(db: Db, actor: Actor, id: string, companion?: Language): Promise<{ pdf: Buffer; fileName: string }> {
  const agreement = await getAgreement(db, actor, id);
  const company = await getCompany(db, actor, agreement.companyId);
  const reference = `${agreement.number} v${agreement.version}`;
  const pdf = await renderOfficialDocument({
    layout: 'agreement',
    blocksIn: (lang) => agreementBlocks(agreement, company, lang),
    companion: companion ?? company.preferredLanguage,
    title: `${translator('fi', 'agreement')(`title.${agreement.kind}`)} ${reference}`,
    reference,
    createdAt: agreement.updatedAt,
  });
  return { pdf, fileName: `${agreement.number}-v${agreement.version}.pdf` };
}
