/**
 * The results tables of each document type, in one language, from the model's result summaries.
 * Numbers are the model's decimal strings, formatted per language only: every language shows the
 * same digits.
 */
import type { TFunction } from 'i18next';
import { decisionLabelIn, formatDecimal, type Block, type Language } from '../documents/index.js';
import type { DocumentModel, ResultSummary } from './domain/document-model.js';
import type { Section } from './document-sections.js';

const num = (value: string, lang: Language) => formatDecimal(value, lang);
const qty = (q: { value: string; unit: string } | null, lang: Language) => (q ? `${num(q.value, lang)} ${q.unit}` : '–');
const signed = (value: string, lang: Language) => (value.startsWith('-') || /^0(\.0*)?$/.test(value) ? num(value, lang) : `+${num(value, lang)}`);
const ratio = (x: number | null, lang: Language) => (x === null ? '–' : formatDecimal(x.toFixed(2), lang));

/** U with k (or p for a Monte Carlo interval), or the interval's end points when it is asymmetric. */
export function uncertaintyCell(r: ResultSummary, lang: Language): string {
  const u = r.uncertainty;
  if (!u) return '–';
  if (u.interval) return `[${num(u.interval[0], lang)}; ${num(u.interval[1], lang)}] ${u.unit}`;
  const k = u.coverageFactor === null ? `p = ${formatDecimal(String(Math.round(u.coverageProbability * 100)), lang)} %` : `k = ${formatDecimal(String(Number(u.coverageFactor.toFixed(2))), lang)}`;
  return `${num(u.expanded, lang)} ${u.unit} (${k})`;
}

/** p_c for a table cell: `p_c 97,3 %`, `p_c > 99,9 %`. */
function pcCell(p: number, lang: Language): string {
  const percent = (x: number) => formatDecimal(x.toFixed(1), lang);
  if (p > 0.999) return `p_c > ${percent(99.9)} %`;
  if (p < 0.001) return `p_c < ${percent(0.1)} %`;
  return `p_c ${percent(p * 100)} %`;
}

function decisionCell(r: ResultSummary, lang: Language): string {
  const c = r.conformity;
  if (!c) return '–';
  const label = decisionLabelIn(lang, c.decision, { short: true });
  return c.probabilityOfConformity === null || c.basis === 'mpe' ? label : `${label}\n${pcCell(c.probabilityOfConformity, lang)}`;
}

/** `*` after a value measured by a method outside the scope of accreditation, in a partly accredited document. */
const mark = (m: DocumentModel, r: ResultSummary) => (m.accreditation === 'partial' && !r.accredited ? ' *' : '');

type Column = Extract<Block, { kind: 'table' }>['columns'][number];

/** One table per item, under the item's subheading: the same columns, a row per result. */
const perItem = (m: DocumentModel, heading: (item: DocumentModel['items'][number]) => string, columns: Column[], row: (r: ResultSummary) => string[]): Block[] =>
  m.items.flatMap((item): Block[] => [
    { kind: 'subheading', text: heading(item) },
    { kind: 'table', columns, rows: item.results.map(row) },
  ]);

const errorCell = (r: ResultSummary, lang: Language) => (r.deviation ? `${signed(r.deviation.value, lang)} ${r.deviation.unit}` : '–');
const instrumentHeading = (t: TFunction) => (item: DocumentModel['items'][number]) => t('calibration.item', { line: item.lineNo, description: item.description });

const calibration: Section = (m, t, lang) =>
  perItem(
    m,
    instrumentHeading(t),
    [
      { header: t('calibration.reference'), width: 20, align: 'right' },
      { header: t('calibration.indication'), width: 17, align: 'right' },
      { header: t('calibration.error'), width: 17, align: 'right' },
      { header: t('calibration.uncertainty'), width: 26, align: 'right' },
      { header: t('calibration.conformity'), width: 20 },
    ],
    (r) => [qty(r.referenceValue, lang), `${qty(r.value, lang)}${mark(m, r)}`, errorCell(r, lang), uncertaintyCell(r, lang), decisionCell(r, lang)],
  );

const measurement: Section = (m, t, lang) =>
  perItem(
    m,
    (item) => t('measurement.item', { line: item.lineNo, description: item.description }),
    [
      { header: t('measurement.identifier'), width: 9 },
      { header: t('measurement.type'), width: 13 },
      { header: t('measurement.nominal'), width: 12, align: 'right' },
      { header: t('measurement.tolerance'), width: 12, align: 'right' },
      { header: t('measurement.measured'), width: 13, align: 'right' },
      { header: t('measurement.deviation'), width: 13, align: 'right' },
      { header: t('measurement.uncertainty'), width: 14, align: 'right' },
      { header: t('measurement.decision'), width: 14 },
    ],
    (r) => {
      const c = r.characteristic;
      return [
        c?.identifier ?? '–',
        c ? `${t(`types.${c.type}`)} (${c.unit})` : '–',
        c?.nominal ? num(c.nominal, lang) : '–',
        c?.tolerance ? formatTolerance(c.tolerance, lang) : '–',
        `${num(r.value.value, lang)}${mark(m, r)}`,
        r.deviation ? signed(r.deviation.value, lang) : '–',
        uncertaintyCell(r, lang),
        decisionCell(r, lang),
      ];
    },
  );

/** A tolerance as drawn (`±0.05`, `+0.021/0`, `24.98…25.02`) with the language's decimal separator. */
const formatTolerance = (text: string, lang: Language) => text.replace(/-?\d+(\.\d+)?/g, (n) => formatDecimal(n, lang));

const inspection: Section = (m, t, lang) => [
  { kind: 'statement', text: t('inspection.notice') },
  ...perItem(
    m,
    instrumentHeading(t),
    [
      { header: t('inspection.reference'), width: 1, align: 'right' },
      { header: t('inspection.displayed'), width: 1, align: 'right' },
      { header: t('inspection.difference'), width: 1, align: 'right' },
    ],
    (r) => [qty(r.referenceValue, lang), qty(r.value, lang), errorCell(r, lang)],
  ),
];

const comparison: Section = (m, t, lang) => {
  const rows = m.comparison ?? [];
  const blocks: Block[] = [{ kind: 'heading', text: t('sections.comparison') }];
  if (rows.length === 0) return [...blocks, { kind: 'paragraph', text: t('comparison.none') }];
  return [
    ...blocks,
    {
      kind: 'table',
      columns: [
        { header: t('comparison.characteristic'), width: 11 },
        { header: t('comparison.company'), width: 18, align: 'right' },
        { header: t('comparison.lab'), width: 18, align: 'right' },
        { header: t('comparison.difference'), width: 13, align: 'right' },
        { header: t('comparison.en'), width: 9, align: 'right' },
        { header: t('comparison.zeta'), width: 9, align: 'right' },
        { header: t('comparison.verdict'), width: 17 },
      ],
      rows: rows.map((r) => [
        `${r.identifier} (${r.unit})`,
        `${num(r.companyValue, lang)}${r.companyUncertainty ? ` ± ${num(r.companyUncertainty, lang)}` : ''}`,
        `${num(r.labValue, lang)}${r.labUncertainty ? ` ± ${num(r.labUncertainty, lang)}` : ''}`,
        r.difference ? signed(r.difference, lang) : '–',
        ratio(r.en, lang),
        ratio(r.zeta, lang),
        r.verdict ? t(`comparison.verdicts.${r.verdict}`) : '–',
      ]),
    },
    { kind: 'note', text: t('comparison.note') },
  ];
};

const drift: Section = (m, t, lang) => {
  if (!m.drift || m.drift.length === 0) return [];
  const micro = (x: number | null, unit: string) => (x === null ? '–' : `${formatDecimal(x.toPrecision(3).includes('e') ? x.toFixed(6) : x.toPrecision(3), lang)} ${unit}`);
  return [
    { kind: 'heading', text: t('sections.drift') },
    {
      kind: 'table',
      columns: [
        { header: t('drift.machineTool'), width: 24 },
        { header: t('drift.characteristic'), width: 12 },
        { header: t('drift.perYear'), width: 22, align: 'right' },
        { header: t('drift.uncertainty'), width: 22, align: 'right' },
        { header: t('drift.points'), width: 10, align: 'right' },
      ],
      rows: m.drift.map((d) => [d.machineTool, d.identifier, micro(d.driftPerYear, d.unit), micro(d.driftUncertainty, d.unit), String(d.points)]),
    },
  ];
};

/** The results section of each type. */
export const RESULTS: Record<string, Section> = {
  calibrationResults: (m, t, lang) => [{ kind: 'heading', text: t('sections.results') }, ...calibration(m, t, lang)],
  measurementResults: (m, t, lang) => [{ kind: 'heading', text: t('sections.results') }, ...measurement(m, t, lang)],
  inspectionResults: (m, t, lang) => [{ kind: 'heading', text: t('sections.results') }, ...inspection(m, t, lang)],
  referenceResults: (m, t, lang) => [{ kind: 'heading', text: t('sections.results') }, ...measurement(m, t, lang), ...comparison(m, t, lang), ...drift(m, t, lang)],
};
