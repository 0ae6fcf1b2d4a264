import { PGlite } from '@electric-sql/pglite';
test('pglite runs under jest esm', async () => {
  const db = new PGlite();
  const r = await db.query<{ x: string }>('select 1.10::numeric as x');
  expect(r.rows[0]?.x).toBe('1.10');
  await db.close();
});
