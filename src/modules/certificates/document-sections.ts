/**
 * The sections every certificate and report shares (ISO/IEC 17025 7.8.2, 7.8.3, 7.8.4, 7.8.6), as
 * blocks in one language from the document model. The results tables per type are in
 * `document-results.ts`; the section order per type in `templates/<type>.json`.
 */
import type { TFunction } from 'i18next';
import { decisionRuleStatementIn, formatDate, formatDecimal, mpeConformityIn, uncertaintyStatementIn, type Block, type Language } from '../documents/index.js';
import type { DocumentModel, TraceabilityRecord } from './domain/document-model.js';

export type Section = (m: DocumentModel, t: TFunction, lang: Language) => Block[];

const address = (a: DocumentModel['customer'] | DocumentModel['laboratory']['address']) => [a.streetAddress, [a.postalCode, a.city].filter(Boolean).join(' '), a.country].filter(Boolean).join(', ');
const range = (r: { min: string; max: string }, unit: string, t: TFunction, lang: Language) =>
  r.min === r.max ? t('environment.single', { value: formatDecimal(r.min, lang), unit }) : t('environment.range', { min: formatDecimal(r.min, lang), max: formatDecimal(r.max, lang), unit });

function chainText(r: TraceabilityRecord, t: TFunction, lang: Language): string {
  const links = r.links.map((l) => t('traceability.link', { certificate: l.certificateNumber, body: l.calibratedBy.name, date: formatDate(l.calibratedOn, lang) }));
  const end = r.terminatesAt;
  const body = !end
    ? t('traceability.incomplete')
    : t('traceability.endsAt', {
        body:
          end.kind === 'nmi'
            ? t('traceability.nmi', { name: end.name })
            : `${t('traceability.accreditedLab', { name: end.name, id: end.accreditationId ?? '' }).trim()}${end.traceability ? `; ${end.traceability}` : ''}`,
      });
  return t('traceability.chain', { equipment: r.equipmentName && r.equipmentName !== r.equipmentCode ? `${r.equipmentCode} ${r.equipmentName}` : r.equipmentCode, links: [...links, body].join(' → ') });
}

export const SECTIONS: Record<string, Section> = {
  parties: (m, t) => [
    { kind: 'heading', text: t('sections.parties') },
    {
      kind: 'fields',
      rows: [
        [t('parties.lab'), [m.laboratory.name, t('common:lab.unit'), address(m.laboratory.address)].filter(Boolean).join('\n')],
        [t('parties.workLocation'), t('parties.workLocationLab')],
        [t('parties.customer'), [m.customer.name, address(m.customer)].filter(Boolean).join('\n')],
        ...(m.customer.businessId ? [[t('parties.businessId'), m.customer.businessId] as [string, string]] : []),
      ],
    },
  ],
  job: (m, t, lang) => {
    const rows: [string, string][] = [[t('job.number'), m.job.number]];
    if (m.job.customerReference) rows.push([t('job.customerReference'), m.job.customerReference]);
    if (m.job.receivedOn) rows.push([t('job.receivedOn'), formatDate(m.job.receivedOn, lang)]);
    if (m.job.receiptCondition) rows.push([t('job.condition'), [m.job.receiptCondition, m.job.receiptRemarks].filter(Boolean).join('. ')]);
    const measured = m.measuredFrom === m.measuredTo ? formatDate(m.measuredFrom, lang) : t('job.measuredRange', { from: formatDate(m.measuredFrom, lang), to: formatDate(m.measuredTo, lang) });
    rows.push([t('job.measured'), measured], [t('job.issued'), m.issuedOn && m.number ? formatDate(m.issuedOn, lang) : t('job.notIssued')]);
    return [{ kind: 'heading', text: t('sections.job') }, { kind: 'fields', rows }];
  },
  instruments: (m, t, lang) => {
    const rows: [string, string][] = [];
    for (const item of m.items) {
      const i = item.instrument;
      rows.push([t('items.description'), `${item.lineNo}. ${item.description}${i?.type ? ` (${i.type})` : ''}`]);
      if (!i) continue;
      if (i.manufacturer || i.model) rows.push([t('items.manufacturer'), [i.manufacturer, i.model].filter(Boolean).join(', ')]);
      if (i.serialNumber) rows.push([t('items.serial'), i.serialNumber]);
      if (i.range) rows.push([t('items.range'), `${formatDecimal(i.range.lower, lang)} … ${formatDecimal(i.range.upper, lang)} ${i.range.unit}`]);
      if (i.resolution) rows.push([t('items.resolution'), `${formatDecimal(i.resolution, lang)} ${i.range?.unit ?? ''}`.trim()]);
      if (i.mpe) rows.push([t('items.mpe'), i.mpe]);
    }
    return [{ kind: 'heading', text: t(m.type === 'inspection_report' ? 'sections.itemsInspected' : 'sections.items') }, { kind: 'fields', rows }];
  },
  pieces: (m, t) => [
    { kind: 'heading', text: t('sections.itemsPieces') },
    { kind: 'list', items: m.items.map((i) => `${i.lineNo}. ${i.description}${i.serialNumber ? `, ${t('items.serial')} ${i.serialNumber}` : ''}`) },
  ],
  methods: (m, t) => [
    { kind: 'heading', text: t('sections.methods') },
    { kind: 'list', items: m.methods.map((x) => `${t('methods.version', { code: x.code, title: x.title, version: x.version })} (${x.accredited ? t('methods.accredited') : t('methods.notAccredited')})`) },
  ],
  environment: (m, t, lang) => {
    const { temperature, humidity } = m.environment;
    if (!temperature && !humidity) return [{ kind: 'heading', text: t('sections.environment') }, { kind: 'paragraph', text: t('environment.none') }];
    const rows: [string, string][] = [];
    if (temperature) rows.push([t('environment.temperature'), range(temperature, '°C', t, lang)]);
    if (humidity) rows.push([t('environment.humidity'), range(humidity, '%', t, lang)]);
    return [{ kind: 'heading', text: t('sections.environment') }, { kind: 'fields', rows }];
  },
  uncertainty: (m, t, lang) => [
    { kind: 'heading', text: t('sections.uncertainty') },
    ...(m.uncertaintyStatements.length === 0
      ? [{ kind: 'paragraph' as const, text: t('uncertaintyNone') }]
      : m.uncertaintyStatements.map((facts) => ({ kind: 'paragraph' as const, text: uncertaintyStatementIn(lang, facts) }))),
  ],
  conformity: (m, t, lang) => {
    if (!m.decisionRule) return [];
    const mpe = m.items.flatMap((i) => i.results.filter((r) => r.conformity?.basis === 'mpe').map((r) => ({ item: i, r })));
    const blocks: Block[] = [{ kind: 'heading', text: t('sections.conformity') }, { kind: 'paragraph', text: decisionRuleStatementIn(lang, { rule: m.decisionRule.rule, guardBandFactor: m.decisionRule.guardBandFactor }) }];
    if (m.decisionRule.notes) blocks.push({ kind: 'paragraph', text: t('decisionRuleNotes', { notes: m.decisionRule.notes }) });
    for (const item of m.items.filter((i) => i.instrument?.mpe && mpe.some((x) => x.item.id === i.id))) {
      const failing = item.results.filter((r) => r.conformity?.basis === 'mpe' && r.conformity.decision === 'fail').map((r) => `${formatDecimal(r.referenceValue!.value, lang)} ${r.referenceValue!.unit}`);
      blocks.push({ kind: 'paragraph', text: `${t('mpeRule')} ${mpeConformityIn(lang, { mpe: item.instrument!.mpe!, failingPoints: failing })}` });
    }
    return blocks;
  },
  deviations: (m, t) =>
    m.deviations.length === 0
      ? []
      : [{ kind: 'heading', text: t('sections.deviations') }, { kind: 'list', items: m.deviations.map((d) => t('deviation', { line: d.itemLineNo, what: d.what, justification: d.justification })) }],
  traceability: (m, t, lang) =>
    m.traceability.length === 0 ? [] : [{ kind: 'heading', text: t('sections.traceability') }, { kind: 'paragraph', text: t('traceability.intro') }, { kind: 'list', items: m.traceability.map((r) => chainText(r, t, lang)) }],
  accreditation: (m, t) => {
    if (m.accreditation === 'full') return [{ kind: 'statement', text: t('accreditation', { lab: m.laboratory.name, number: m.laboratory.accreditationNumber }) }];
    return m.accreditation === 'partial' ? [{ kind: 'note', text: t('notAccreditedMark') }] : [];
  },
  authorization: (m, t, lang) => [
    { kind: 'heading', text: t('sections.authorization') },
    m.authorizedBy && m.issuedOn
      ? {
          kind: 'fields',
          rows: [
            [t('authorization.by'), m.authorizedBy.name],
            [t('authorization.function'), t(`authorization.functions.${m.authorizedBy.function}`)],
            [t('authorization.signed'), formatDate(m.issuedOn, lang)],
          ],
        }
      : { kind: 'paragraph', text: t('authorization.draft') },
  ],
  clauses: (_m, t) => [{ kind: 'note', text: `${t('clauses.relate')} ${t('clauses.reproduce')}` }],
};
