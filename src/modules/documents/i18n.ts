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
 * Under jest a missing key fails the test that asked for it rather than reaching a customer as a
 * key or as Finnish text in a Swedish document. JEST_WORKER_ID is jest's own marker, not a setting.
 */
function strictKeys(): boolean {
  // eslint-disable-next-line no-restricted-syntax -- jest's marker of a test run, not configuration
  return process.env.JEST_WORKER_ID !== undefined;
}

/**
 * A translation function fixed to one language and namespace, from an i18next instance of its
 * own: no global language, so concurrent documents in different languages never mix.
 * Missing keys fall back to Finnish; under jest they throw an Error naming the key and language
 * (and there is no fallback, so a key missing only in sv or et fails too).
 */
export function translator(lang: Language, namespace: string): TFunction {
  const strict = strictKeys();
  const instance = i18next.createInstance();
  void instance.init({
    lng: lang,
    fallbackLng: strict ? false : 'fi',
    ns: [namespace, 'common'],
    defaultNS: namespace,
    resources: loadResources(),
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
    ...(strict
      ? {
          saveMissing: true,
          saveMissingTo: 'current' as const,
          missingKeyHandler: (lngs: readonly string[], ns: string, key: string) => {
            throw new Error(`Missing translation key '${ns}:${key}' in language '${lngs.join(', ') || lang}' (locales/${lang}/${ns}.json)`);
          },
          returnedObjectHandler: (key: string) => {
            throw new Error(`Translation key '${namespace}:${key}' in language '${lang}' is a group of keys, not a text`);
          },
        }
      : {}),
  });
  return instance.getFixedT(lang, namespace);
}
