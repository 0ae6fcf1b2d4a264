/**
 * Missing keys fail the tests, not the customer: every namespace in `locales/fi/` (the original)
 * has the same keys in every other language, no empty text, and the same `{{variables}}`.
 * New namespaces are covered as soon as their Finnish file exists.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../db/project-root.js';
import { LANGUAGES, translator } from './i18n.js';

const root = join(projectRoot(), 'locales');
const namespaces = readdirSync(join(root, 'fi'))
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.slice(0, -5))
  .sort();
const others = LANGUAGES.filter((l) => l !== 'fi');

/** Leaf keys as `a.b.c` with their values (arrays and numbers count as values too). */
function flatten(value: unknown, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) for (const [key, leaf] of flatten(v, prefix ? `${prefix}.${k}` : k)) out.set(key, leaf);
  } else {
    out.set(prefix, value);
  }
  return out;
}

function read(lang: string, ns: string): Map<string, unknown> {
  const file = join(root, lang, `${ns}.json`);
  if (!existsSync(file)) throw new Error(`locales/${lang}/${ns}.json is missing (locales/fi/${ns}.json exists)`);
  return flatten(JSON.parse(readFileSync(file, 'utf8')) as unknown);
}

/** `{{name}}`, `{{name, format}}` and `{{- name}}` give `name`. */
function variables(text: unknown): string[] {
  const names = [...String(text).matchAll(/\{\{\s*-?\s*([^}\s,]+)[^}]*\}\}/g)].map((m) => m[1]!);
  return [...new Set(names)].sort();
}

test('there are namespaces to check, statements among them', () => {
  expect(namespaces).toEqual(expect.arrayContaining(['agreement', 'common', 'quote', 'statements']));
});

test('no language has a namespace Finnish lacks', () => {
  for (const lang of others) {
    const extra = readdirSync(join(root, lang)).filter((f) => f.endsWith('.json') && !namespaces.includes(f.slice(0, -5)));
    expect({ lang, extra }).toEqual({ lang, extra: [] });
  }
});

describe.each(namespaces)('locales/*/%s.json', (ns) => {
  const fi = read('fi', ns);

  test('Finnish has no empty text', () => {
    const empty = [...fi].filter(([, v]) => typeof v !== 'string' || v.trim() === '').map(([k]) => k);
    expect(empty).toEqual([]);
  });

  test.each(others)('%s has exactly the Finnish keys, none empty, with the same {{variables}}', (lang) => {
    const other = read(lang, ns);
    const missing = [...fi.keys()].filter((k) => !other.has(k));
    const extra = [...other.keys()].filter((k) => !fi.has(k));
    const empty = [...other].filter(([, v]) => typeof v !== 'string' || v.trim() === '').map(([k]) => k);
    const variableMismatches = [...fi]
      .filter(([k]) => other.has(k))
      .map(([k, v]) => ({ key: k, fi: variables(v), translated: variables(other.get(k)) }))
      .filter((m) => m.fi.join() !== m.translated.join())
      .map(({ key, fi: f, translated }) => ({ key, fi: f, [lang]: translated }));
    expect({ missing, extra, empty, variableMismatches }).toEqual({ missing: [], extra: [], empty: [], variableMismatches: [] });
  });
});

describe('a missing key under jest', () => {
  test('throws an Error naming the key and the language', () => {
    const t = translator('sv', 'statements');
    expect(() => t('decision.nonexistent')).toThrow(/statements:decision\.nonexistent.*'sv'/);
    expect(() => translator('et', 'agreement')('common:no.such.key')).toThrow(/common:no\.such\.key.*'et'/);
  });

  test('asking for a group of keys instead of a text throws too', () => {
    expect(() => translator('en', 'statements')('decision')).toThrow(/decision.*'en'.*group of keys/);
  });

  test('outside jest the customer gets a document: no Error', () => {
    const saved = process.env.JEST_WORKER_ID;
    delete process.env.JEST_WORKER_ID;
    try {
      const t = translator('sv', 'statements');
      expect(t('decision.nonexistent')).toBe('decision.nonexistent');
      expect(t('decision.pass')).toBe('Godkänd (överensstämmer)');
    } finally {
      process.env.JEST_WORKER_ID = saved;
    }
  });
});
