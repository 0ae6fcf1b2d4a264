import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { memoryPages, validateXML } from 'xmllint-wasm';
import { projectRoot } from '../../src/db/project-root.js';

/**
 * The DCC 3.3.0 schemas are read in place from ../shared/formats/dcc (never copied into the project),
 * as test/harness/qif.ts reads the QIF ones: the schema tests are skipped when they are missing on a
 * developer's machine and fail when CI is set, so that a CI run can never pass without them.
 */
const DCC_DIR = process.env.DCC_DIR ?? resolve(projectRoot(), '../shared/formats/dcc');
const SCHEMA_FILES = ['dcc.xsd', 'SI_Format.xsd', 'xmldsig-core-schema.xsd', 'stub/quantitykind-STUB.xsd', 'catalog.xml'];
const dccMaterialPresent = SCHEMA_FILES.every((f) => existsSync(join(DCC_DIR, f)));

export function describeWithDcc(name: string, body: () => void): void {
  if (dccMaterialPresent) return describe(name, body);
  const missing = () => {
    throw new Error(`${DCC_DIR} (DCC 3.3.0 and D-SI schemas) is missing; CI needs it to validate DCCs. Set DCC_DIR.`);
  };
  if (process.env.CI) return describe(name, () => test('the DCC schemas are present', missing));
  return describe.skip(name, body); // skipped: no ../shared DCC schemas on this developer machine (not part of the project; CI fails instead)
}

let schemas: { fileName: string; contents: string }[] | null = null;

/**
 * The schemas with their remote schemaLocations replaced by the local files the OASIS catalog maps
 * them to (xmllint-wasm has no network and no catalog support), named by their path in the folder.
 */
function loadSchemas(): { fileName: string; contents: string }[] {
  if (schemas) return schemas;
  const catalog = readFileSync(join(DCC_DIR, 'catalog.xml'), 'utf8');
  const local = new Map([...catalog.matchAll(/<uri name="([^"]+)" uri="([^"]+)"\/>/g)].map((m) => [m[1]!, m[2]!]));
  const localize = (text: string) => text.replace(/schemaLocation="([^"]+)"/g, (whole, url: string) => (local.has(url) ? `schemaLocation="${local.get(url)}"` : whole));
  schemas = SCHEMA_FILES.filter((f) => f.endsWith('.xsd')).map((fileName) => ({ fileName, contents: localize(readFileSync(join(DCC_DIR, fileName), 'utf8')) }));
  return schemas;
}

/** The schema errors of a DCC against dcc.xsd 3.3.0 (none when it is valid). */
export async function dccSchemaErrors(xml: string): Promise<string[]> {
  const [main, ...imported] = loadSchemas();
  const result = await validateXML({ xml: [{ fileName: 'dcc.xml', contents: xml }], schema: [main!], preload: imported, initialMemoryPages: 1024, maxMemoryPages: memoryPages.GiB });
  return result.errors.map((e) => e.rawMessage);
}

