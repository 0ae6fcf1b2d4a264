/**
 * `npm run samples`: sets up a demonstration laboratory on an in-memory embedded database (through
 * the API, as the tests do), issues one document of each type with companions in en, sv and et, and
 * writes every PDF (and the DCC) into `samples/` so that a person can look at them. Also writes a
 * draft, to show the watermark.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { call, documentLab, releasedJob, SIGNER_PASSWORD } from '../test/harness/documents.js';
import { createTestApp } from '../test/harness/test-app.js';

const out = join(process.cwd(), 'samples');
mkdirSync(out, { recursive: true });
const t = await createTestApp({ env: { ACCREDITATION_NUMBER: 'K123', PUBLIC_BASE_URL: 'https://lims.example.fi' } });
try {
  const lab = await documentLab(t, { customerName: 'Mittaväline Äijälä Oy' });
  const kinds = [
    ['calibration_certificate', 'instrument'],
    ['measurement_report', 'product'],
    ['inspection_report', 'inspection'],
    ['reference_measurement_report', 'reference'],
  ] as const;
  for (const [type, kind] of kinds) {
    const { jobId } = await releasedJob(t, lab, kind);
    const draft = await call(t, 'POST', `/jobs/${jobId}/documents`, lab.qm, { type, companions: ['en', 'sv', 'et'] });
    if (type === 'calibration_certificate') {
      const preview = await t.request({ method: 'GET', url: `/api/v1/documents/${draft.id}/pdf?language=fi`, token: lab.qm.token });
      writeFileSync(join(out, `${type}-draft-fi.pdf`), preview.rawPayload);
    }
    const issued = await call(t, 'POST', `/documents/${draft.id}/issue`, lab.qm, { password: SIGNER_PASSWORD, meaning: 'Hyväksytty julkaistavaksi / Approved for issue' });
    for (const language of issued.languages as string[]) {
      const pdf = await t.request({ method: 'GET', url: `/api/v1/documents/${issued.id}/pdf?language=${language}`, token: lab.qm.token });
      writeFileSync(join(out, `${type}-${language}.pdf`), pdf.rawPayload);
    }
    if (type === 'calibration_certificate') {
      const dcc = await t.request({ method: 'GET', url: `/api/v1/documents/${issued.id}/dcc`, token: lab.qm.token });
      writeFileSync(join(out, `${type}-dcc.xml`), dcc.rawPayload);
    }
    console.log(`${issued.number} ${type}: ${issued.languages.join(', ')}`);
  }
  console.log(`samples written to ${out}`);
} finally {
  await t.close();
}
