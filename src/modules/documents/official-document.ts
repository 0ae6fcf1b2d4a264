import type { TFunction } from 'i18next';
import { translator, type Language } from './i18n.js';
import { loadLayout, renderPdf, type Block } from './pdf-renderer.js';

/** The customer as the parties block of a document shows it. */
export interface DocumentCustomer {
  name: string;
  businessId: string | null;
  streetAddress: string | null;
  postalCode: string | null;
  city: string | null;
  country: string;
}

/**
 * The top of an official document in one language: its title, then its number line marked as the
 * Finnish original or as a translation, and in a translation the note that the original prevails.
 */
export function documentOpening(t: TFunction, lang: Language, title: string, subtitle: string): Block[] {
  const which = lang === 'fi' ? t('common:original') : t('common:companion', { language: t(`common:languageNames.${lang}`) });
  const blocks: Block[] = [
    { kind: 'title', text: title },
    { kind: 'subtitle', text: `${subtitle} · ${which}` },
  ];
  if (lang !== 'fi') blocks.push({ kind: 'note', text: t('common:translationNote') });
  return blocks;
}

/** The parties: the lab with its accredited unit, and the customer with business id and address. */
export function partiesFields(t: TFunction, c: DocumentCustomer): Block {
  const address = [c.streetAddress, [c.postalCode, c.city].filter(Boolean).join(' '), c.country].filter(Boolean).join(', ');
  return {
    kind: 'fields',
    rows: [
      [t('common:parties.lab'), `${t('common:lab.name')}\n${t('common:lab.unit')}`],
      [t('common:parties.customer'), c.name],
      [t('common:parties.businessId'), c.businessId ?? '–'],
      [t('common:parties.address'), address || '–'],
    ],
  };
}

/**
 * The blocks of a document's sections in the order `templates/<layout>.json` gives, each built by
 * its builder from the same arguments. A section the template names without a builder is a
 * programming error.
 */
export function sectionsInOrder<A extends unknown[]>(layout: string, builders: Record<string, (...args: A) => Block[]>, ...args: A): Block[] {
  return loadLayout(layout).sections.flatMap((id) => {
    const build = builders[id];
    if (!build) throw new Error(`templates/${layout}.json names an unknown section: ${id}`);
    return build(...args);
  });
}

export interface OfficialDocument {
  /** The layout, `templates/<layout>.json`. */
  layout: string;
  /** The blocks of the document in one language, each language built from the same data. */
  blocksIn: (lang: Language) => Block[];
  /** The language of the companion translation; Finnish means the original alone. */
  companion: Language;
  /** The PDF's title (in Finnish). */
  title: string;
  /** What the header of every page names after the lab, e.g. the document number. */
  reference: string;
  /** Fixed creation date, so the same document renders the same bytes. */
  createdAt: Date;
}

/**
 * Renders an official document: the Finnish original, followed on a new page by the companion
 * translation unless that is Finnish. Every page carries the lab's name with the reference in its
 * header (on page 1 the letterhead, with the lab's unit) and the page count in its footer, both
 * in the language of the page.
 */
export function renderOfficialDocument(d: OfficialDocument): Promise<Buffer> {
  const blocks = d.blocksIn('fi');
  if (d.companion !== 'fi') blocks.push({ kind: 'pageBreak' }, { kind: 'language', lang: d.companion }, ...d.blocksIn(d.companion));
  const fi = translator('fi', 'common');
  const companion = translator(d.companion, 'common');
  // A page is in Finnish or in the companion's language: the blocks mark no other.
  const common = (lang: Language): TFunction => (lang === 'fi' ? fi : companion);
  return renderPdf(loadLayout(d.layout), blocks, {
    title: d.title,
    author: fi('lab.name'),
    language: 'fi',
    createdAt: d.createdAt,
    letterhead: { lines: [fi('lab.unit')] },
    furniture: (page, pages, lang) => ({ header: common(lang)('lab.name'), reference: d.reference, footer: common(lang)('page', { page, pages }) }),
  });
}
