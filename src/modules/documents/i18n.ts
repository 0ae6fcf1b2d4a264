import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import i18next, { type TFunction } from 'i18next';
import { projectRoot } from '../../db/project-root.js';

export const LANGUAGES = ['fi', 'en', 'sv', 'et'] as const;
export type Language = (typeof LANGUAGES)[number];

type Resources = Record<string, Record<string, Record<string, unknown>>>;
let resources: Resources | null = null;

/** Reads every `locales/<lang>/<namespace>.json` once (they ship with the code, in src and dist runs alike). */
function loadResources(): Resources {
  if (resources) return resources;
  const root = join(projectRoot(), 'locales');
  const loaded: Resources = {};
  for (const lang of LANGUAGES) {
    loaded[lang] = {};
    for (const file of readdirSync(join(root, lang)).filter((f) => f.endsWith('.json'))) {
      loaded[lang][file.slice(0, -5)] = JSON.parse(readFileSync(join(root, lang, file), 'utf8')) as Record<string, unknown>;
    }
  }
  return (resources = loaded);
}

/**
 * A translation function fixed to one language and namespace, from an i18next instance of its
 * own: no global language, so concurrent documents in different languages never mix.
 * Missing keys fall back to Finnish.
 */
export function translator(lang: Language, namespace: string): TFunction {
  const instance = i18next.createInstance();
  void instance.init({
    lng: lang,
    fallbackLng: 'fi',
    ns: [namespace, 'common'],
    defaultNS: namespace,
    resources: loadResources(),
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return instance.getFixedT(lang, namespace);
}
