/**
 * The PTB Digital Calibration Certificate (DCC 3.3.0 with D-SI 2.2.1) of a document model: the
 * machine-readable twin of the certificate, built from the model its PDFs are built from, so the
 * numbers cannot differ. Pure and deterministic: the same model and software give the same bytes.
 * The lab's own sentences are constants here, in Finnish (the mandatory language) and English: a DCC
 * is content, not a rendering, so they are not locale keys. Texts from the model (names,
 * descriptions, method titles, justifications) are written as they are, without a language.
 */
import { create } from 'xmlbuilder2';
import type { Address, DocumentModel, ResultSummary, TraceabilityRecord } from './document-model.js';
import { measurementResults, plain, pointId, quantity, real, texts, xmlId, type Node, type Text } from './dcc-results.js';

export { coverageFactorText, coverageProbabilityText, dsiUnit } from './dcc-results.js';

const DCC_NS = 'https://ptb.de/dcc';
const NAMESPACES = { 'xmlns:si': 'https://ptb.de/si', 'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance' };
const SCHEMA_LOCATION = 'https://ptb.de/dcc https://ptb.de/dcc/v3.3.0/dcc.xsd';
/** The unique identifier of a draft, which has no number until it is issued. */
export const DRAFT_IDENTIFIER = 'DRAFT';
const COUNTRY = 'FI';
/** Finnish is the language of the original; the lab's texts below are also in English. */
const MANDATORY_LANGUAGE = 'fi';
const TEXT_LANGUAGES = ['fi', 'en'];
/** The Finnish accreditation body (templates/laboratory.json; the model does not carry it). */
const ACCREDITATION_BODY = 'FINAS';

const TEXT = {
  jobNumber: { fi: 'Tilauksen numero', en: 'Job number' },
  customerReference: { fi: 'Asiakkaan viite', en: 'Customer reference' },
  serialNumber: { fi: 'Sarjanumero', en: 'Serial number' },
  jobLine: { fi: 'Tilauksen numero ja rivi', en: 'Job number and line' },
  rangeLower: { fi: 'Mittausalueen alaraja', en: 'Measuring range, lower limit' },
  rangeUpper: { fi: 'Mittausalueen yläraja', en: 'Measuring range, upper limit' },
  resolution: { fi: 'Erottelukyky', en: 'Resolution' },
  draft: { fi: 'Luonnos: asiakirjaa ei ole vielä hyväksytty.', en: 'Draft: the document has not been authorized yet.' },
  traceability: { fi: 'Metrologinen jäljitettävyys', en: 'Metrological traceability' },
  traceableToNmi: {
    fi: 'Mittaustulokset ovat jäljitettävissä SI-yksiköihin kansallisten mittanormaalien kautta: ',
    en: 'The measurement results are traceable to the SI units through the national measurement standards of: ',
  },
  traceableToLab: { fi: 'Jäljitettävyysketjut päättyvät akkreditoituihin kalibrointilaboratorioihin: ', en: 'Traceability chains end at the accredited calibration laboratories: ' },
  traceabilityIncomplete: { fi: 'Kaikkien mittalaitteiden jäljitettävyysketju ei ole täydellinen.', en: 'The traceability chain of some equipment is not complete.' },
  accreditation: { fi: 'Akkreditointi', en: 'Accreditation' },
  accredited: {
    fi: `Laboratorio on ${ACCREDITATION_BODY}-akkreditointipalvelun akkreditoima kalibrointilaboratorio, akkreditointivaatimus SFS-EN ISO/IEC 17025:2017. Tämän asiakirjan tulokset kuuluvat akkreditoinnin piiriin.`,
    en: `The laboratory is a calibration laboratory accredited by the ${ACCREDITATION_BODY} accreditation service, accreditation requirement EN ISO/IEC 17025:2017. The results of this document are within the scope of accreditation.`,
  },
  accreditationNumber: { fi: ' Akkreditointitunnus: ', en: ' Accreditation number: ' },
  decisionRule: { fi: 'Päätössääntö', en: 'Decision rule' },
  simpleAcceptance: {
    fi: 'Vaatimustenmukaisuus on todettu yksinkertaisen hyväksynnän päätössäännöllä (suojakaista w = 0): mitattua arvoa verrataan suoraan toleranssirajoihin.',
    en: 'Conformity is stated using the decision rule of simple acceptance (guard band w = 0): the measured value is compared directly with the tolerance limits.',
  },
  guardedAcceptance: {
    fi: 'Vaatimustenmukaisuus on todettu suojakaistaa käyttävällä päätössäännöllä, suojakaista ',
    en: 'Conformity is stated using the decision rule of guarded acceptance with a guard band ',
  },
  agreedRule: { fi: 'Vaatimustenmukaisuus on todettu asiakkaan kanssa sovitulla päätössäännöllä.', en: 'Conformity is stated using the decision rule agreed with the customer.' },
  conformity: { fi: 'Vaatimustenmukaisuus', en: 'Conformity' },
  toleranceLower: { fi: 'Toleranssin alaraja', en: 'Lower tolerance limit' },
  toleranceUpper: { fi: 'Toleranssin yläraja', en: 'Upper tolerance limit' },
  mpeLower: { fi: 'Suurimman sallitun virheen alaraja', en: 'Lower limit of the maximum permissible error' },
  mpeUpper: { fi: 'Suurimman sallitun virheen yläraja', en: 'Upper limit of the maximum permissible error' },
  deviation: { fi: 'Poikkeama menetelmästä, rivi ', en: 'Deviation from the method, line ' },
  revision: { fi: 'Korvaa asiakirjan ', en: 'Replaces document ' },
} as const satisfies Record<string, Text>;

/** The functions of those who authorize documents (role keys), as certificate.json phrases them. */
const FUNCTIONS: Readonly<Record<string, Text>> = {
  quality_manager: { fi: 'Laatupäällikkö', en: 'Quality manager' },
  admin: { fi: 'Pääkäyttäjä', en: 'Administrator' },
};

/** The decision rule standards referred to in the decision rule statement. */
const DECISION_RULE_NORMS = ['ILAC-G8:09/2019', 'ISO 14253-1:2017'];

/** A value for a notEmptyString element: whitespace collapsed, or null when nothing is left. */
const token = (value: string | null | undefined): string | null => value?.replace(/\s+/g, ' ').trim() || null;

/** The whole text: `parts` joined in each language. */
const join = (...parts: (Text | string)[]): Text => ({
  fi: parts.map((p) => (typeof p === 'string' ? p : p.fi)).join(''),
  en: parts.map((p) => (typeof p === 'string' ? p : p.en)).join(''),
});

/**
 * The DCC 3.3.0 XML of a document model (a calibration certificate; a draft, whose number is null,
 * is identified as `DRAFT`). Throws when the model has no results or a unit D-SI cannot state.
 */
export function buildDcc(model: DocumentModel, software: { name: string; version: string }): string {
  const doc = create({ version: '1.0', encoding: 'UTF-8' });
  const root = doc.ele(DCC_NS, 'dcc:digitalCalibrationCertificate', { ...NAMESPACES, 'xsi:schemaLocation': SCHEMA_LOCATION, schemaVersion: '3.3.0' });
  const admin = root.ele('dcc:administrativeData');
  const dccSoftware = admin.ele('dcc:dccSoftware').ele('dcc:software');
  plain(dccSoftware, 'name', software.name);
  dccSoftware.ele('dcc:release').txt(token(software.version) ?? '0');
  dccSoftware.ele('dcc:type').txt('application');
  coreData(admin, model);
  items(admin, model);
  const lab = admin.ele('dcc:calibrationLaboratory');
  const code = token(model.laboratory.accreditationNumber);
  if (code) lab.ele('dcc:calibrationLaboratoryCode').txt(code);
  contact(lab.ele('dcc:contact'), [model.laboratory.name, model.laboratory.unit].filter((x) => x.trim()).join(', '), model.laboratory.address);
  respPersons(admin, model);
  contact(admin.ele('dcc:customer'), model.customer.name, model.customer);
  statements(admin, model);
  measurementResults(root, model);
  return doc.end({ prettyPrint: true, indent: '  ' });
}

function coreData(admin: Node, m: DocumentModel): void {
  const core = admin.ele('dcc:coreData');
  core.ele('dcc:countryCodeISO3166_1').txt(COUNTRY);
  for (const lang of [...new Set([...m.languages, ...TEXT_LANGUAGES])]) core.ele('dcc:usedLangCodeISO639_1').txt(lang);
  core.ele('dcc:mandatoryLangCodeISO639_1').txt(MANDATORY_LANGUAGE);
  core.ele('dcc:uniqueIdentifier').txt(token(m.number) ?? DRAFT_IDENTIFIER);
  const ids = core.ele('dcc:identifications');
  identification(ids, 'calibrationLaboratory', m.job.number, TEXT.jobNumber);
  identification(ids, 'customer', m.job.customerReference, TEXT.customerReference);
  if (m.job.receivedOn) core.ele('dcc:receiptDate').txt(m.job.receivedOn);
  core.ele('dcc:beginPerformanceDate').txt(m.measuredFrom);
  core.ele('dcc:endPerformanceDate').txt(m.measuredTo);
  core.ele('dcc:performanceLocation').txt(m.workLocation);
  if (m.issuedOn) core.ele('dcc:issueDate').txt(m.issuedOn);
  const replaced = token(m.supersedes?.number);
  if (replaced) {
    const e = core.ele('dcc:reportAmendedSubstituted');
    e.ele('dcc:typeOfChange').txt('substituted');
    e.ele('dcc:replacedUniqueIdentifier').txt(replaced);
  }
}

function identification(ids: Node, issuer: string, value: string | null, name: Text): void {
  const v = token(value);
  if (!v) return;
  const e = ids.ele('dcc:identification');
  e.ele('dcc:issuer').txt(issuer);
  e.ele('dcc:value').txt(v);
  texts(e, 'name', name);
}

/** Each item: its description, manufacturer, model, serial number, the lab's reference and the instrument's range. */
function items(admin: Node, m: DocumentModel): void {
  const list = admin.ele('dcc:items');
  for (const item of m.items) {
    const instrument = item.instrument;
    const e = list.ele('dcc:item', { id: xmlId('line', String(item.lineNo)) });
    plain(e, 'name', item.description);
    if (token(instrument?.type)) plain(e, 'description', instrument!.type!);
    if (token(instrument?.manufacturer)) plain(e.ele('dcc:manufacturer'), 'name', instrument!.manufacturer!);
    const model = token(instrument?.model);
    if (model) e.ele('dcc:model').txt(model);
    const ids = e.ele('dcc:identifications');
    identification(ids, 'manufacturer', instrument?.serialNumber ?? item.serialNumber, TEXT.serialNumber);
    identification(ids, 'calibrationLaboratory', `${m.job.number}/${item.lineNo}`, TEXT.jobLine);
    const range = instrument?.range;
    if (range) {
      const quantities = e.ele('dcc:itemQuantities');
      itemQuantity(quantities, TEXT.rangeLower, range.lower, range.unit);
      itemQuantity(quantities, TEXT.rangeUpper, range.upper, range.unit);
      if (instrument.resolution) itemQuantity(quantities, TEXT.resolution, instrument.resolution, range.unit);
    }
  }
}

function itemQuantity(parent: Node, name: Text, value: string, unit: string): void {
  const e = parent.ele('dcc:itemQuantity');
  texts(e, 'name', name);
  real(e, { value, unit });
}

function contact(e: Node, name: string, address: Address): void {
  plain(e, 'name', name);
  const location = e.ele('dcc:location');
  const parts = [['street', address.streetAddress], ['postCode', address.postalCode], ['city', address.city]] as const;
  for (const [element, value] of parts) if (token(value)) location.ele(`dcc:${element}`).txt(token(value)!);
  location.ele('dcc:countryCode').txt(address.country);
}

/**
 * The person who authorized the document, with the function as the model gives it (a role key) as
 * the role and phrased as the description. A draft has no one yet, and the schema needs a person:
 * the laboratory stands in, described as a draft.
 */
function respPersons(admin: Node, m: DocumentModel): void {
  const resp = admin.ele('dcc:respPersons').ele('dcc:respPerson');
  if (!m.authorizedBy) {
    plain(resp.ele('dcc:person'), 'name', m.laboratory.name);
    texts(resp, 'description', TEXT.draft);
    return;
  }
  plain(resp.ele('dcc:person'), 'name', m.authorizedBy.name);
  const role = token(m.authorizedBy.function);
  const phrased = FUNCTIONS[m.authorizedBy.function];
  if (phrased) texts(resp, 'description', phrased);
  if (role) resp.ele('dcc:role').txt(role);
  resp.ele('dcc:mainSigner').txt('true');
}

function statement(list: Node, attributes: Record<string, string>, name: Text): Node {
  const e = list.ele('dcc:statement', attributes);
  texts(e, 'name', name);
  return e;
}

/** Traceability, accreditation, decision rule, a conformity statement per decided result, deviations and what the document replaces. */
function statements(admin: Node, m: DocumentModel): void {
  const list = admin.ele('dcc:statements');
  traceability(list, m.traceability);
  if (m.accreditation === 'full') {
    const e = statement(list, {}, TEXT.accreditation);
    e.ele('dcc:norm').txt('ISO/IEC 17025:2017');
    const number = token(m.laboratory.accreditationNumber);
    texts(e, 'declaration', number ? join(TEXT.accredited, TEXT.accreditationNumber, `${number}.`) : TEXT.accredited);
  }
  if (m.decisionRule) {
    const e = statement(list, { refType: 'basic_conformity' }, TEXT.decisionRule);
    for (const norm of DECISION_RULE_NORMS) e.ele('dcc:norm').txt(norm);
    const declaration = texts(e, 'declaration', ruleText(m.decisionRule.rule, m.decisionRule.guardBandFactor));
    if (token(m.decisionRule.notes)) declaration.ele('dcc:content').txt(m.decisionRule.notes!);
  }
  for (const result of m.items.flatMap((i) => i.results)) conformity(list, result);
  for (const d of m.deviations) {
    const e = statement(list, {}, join(TEXT.deviation, String(d.itemLineNo)));
    plain(e, 'description', d.what);
    plain(e, 'declaration', d.justification);
  }
  if (m.supersedes) {
    const e = statement(list, { refType: 'basic_revision' }, join(TEXT.revision, m.supersedes.number));
    plain(e, 'declaration', m.supersedes.reason);
  }
}

/**
 * The declaration names where the equipment's chains end: the NMIs, and the accredited laboratories
 * with their accreditation and what their certificates state of their own traceability.
 */
function traceability(list: Node, records: readonly TraceabilityRecord[]): void {
  const ends = (kind: 'nmi' | 'accredited_lab') => [
    ...new Set(
      records.flatMap(({ terminatesAt: t }) =>
        t?.kind === kind ? [[t.name, t.accreditationId].filter((x) => x).join(' ') + (token(t.traceability) ? ` (${token(t.traceability)})` : '')] : [],
      ),
    ),
  ];
  const nmis = ends('nmi');
  const labs = ends('accredited_lab');
  const complete = records.every((r) => r.terminatesAt !== null);
  const sentences: Text[] = [
    ...(nmis.length > 0 ? [join(TEXT.traceableToNmi, `${nmis.join(', ')}.`)] : []),
    ...(labs.length > 0 ? [join(TEXT.traceableToLab, `${labs.join(', ')}.`)] : []),
    ...(complete ? [] : [TEXT.traceabilityIncomplete]),
  ];
  const e = statement(list, { refType: 'basic_metrologicallyTraceableToSI' }, TEXT.traceability);
  e.ele('dcc:traceable').txt(String(complete && records.length > 0));
  if (sentences.length > 0) texts(e, 'declaration', { fi: sentences.map((x) => x.fi).join(' '), en: sentences.map((x) => x.en).join(' ') });
}

/** The decision rule as the certificate states it (statements.json's wording). */
function ruleText(rule: string, guardBandFactor: number): Text {
  if (rule === 'simple_acceptance') return TEXT.simpleAcceptance;
  if (rule !== 'guarded_acceptance') return TEXT.agreedRule;
  const r = String(Number(guardBandFactor.toFixed(2)));
  const w = r === '1' ? 'w = U' : `w = ${r} U`;
  return { fi: `${TEXT.guardedAcceptance.fi}${w.replace('.', ',')}.`, en: `${TEXT.guardedAcceptance.en}${w}.` };
}

/**
 * A result's conformity decision, referring to its list in the results, with the rule (as the
 * convention) and the tolerance or MPE limits. The limits are the acceptance limits of the DCC's
 * vocabulary only without a guard band; with one, the acceptance limits lie inside them.
 */
function conformity(list: Node, s: ResultSummary): void {
  const c = s.conformity;
  if (!c) return;
  const e = statement(list, { refType: 'basic_conformity', refId: pointId(s) }, TEXT.conformity);
  e.ele('dcc:convention').txt(c.rule);
  e.ele('dcc:conformity').txt(c.decision);
  const mpe = c.basis === 'mpe';
  const limits = [
    ['basic_acceptanceLimitLower', mpe ? TEXT.mpeLower : TEXT.toleranceLower, c.limits.lower],
    ['basic_acceptanceLimitUpper', mpe ? TEXT.mpeUpper : TEXT.toleranceUpper, c.limits.upper],
  ] as const;
  if (limits.every(([, , value]) => value === undefined)) return;
  const data = e.ele('dcc:data');
  for (const [refType, name, value] of limits) if (value !== undefined) quantity(data, c.guardBandFactor === 0 ? refType : null, name, { value, unit: c.unit });
}
