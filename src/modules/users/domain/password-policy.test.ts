import { normalizePassword, passwordProblem } from './password-policy.js';

describe('password rules', () => {
  test.each([
    'mittaus on tarkkaa 2026',
    'Kalibrointi-mikrometri!7',
    'correct horse battery staple',
    'öljynäyte ja kaliiperi 42',
  ])('%p is accepted', async (password) => {
    expect(await passwordProblem(password)).toBeNull();
  });

  test('fewer than 12 characters breaks the length rule, counted after NFKC normalisation', async () => {
    expect(await passwordProblem('Lyhyt!9x')).toMatchObject({ rule: 'length', message: expect.stringContaining('12 characters') });
    // Twelve code points as typed, but each "ä" and "ö" is a letter and a combining mark: NFKC makes them six characters.
    const decomposed = 'a\u0308o\u0308a\u0308o\u0308a\u0308o\u0308';
    expect([...decomposed]).toHaveLength(12);
    expect(await passwordProblem(decomposed)).toMatchObject({ rule: 'length', message: expect.stringContaining('it has 6') });
    // Ten code points as typed; the ligature "ﬃ" is three letters after NFKC: twelve characters.
    expect(normalizePassword('ﬃ')).toBe('ffi');
    expect(await passwordProblem('ﬃ-Mikro#42')).toBeNull();
  });

  test.each(['            ', 'zzzzzzzzzzzzzzzz', '\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000'])(
    '%p (one character or whitespace) breaks the repetition rule',
    async (password) => {
      expect(await passwordProblem(password)).toMatchObject({ rule: 'repetition' });
    },
  );

  test.each(['password1234', 'Password123!', 'qwertyuiop12', '123456789012', 'iloveyou1234', 'p@ssw0rd1234', 'letmeinletmein', 'abcdefghijklmnop'])(
    '%p is refused as common or easily guessed',
    async (password) => {
      expect(await passwordProblem(password)).toMatchObject({ rule: 'common', warning: expect.any(String) });
    },
  );

  test("a password made of the user's own e-mail address or name is refused", async () => {
    const personal = ['tiina.teknikko@ktk.fi', 'Tiina Teknikko'];
    expect(await passwordProblem('Teknikko123456', personal)).toMatchObject({ rule: 'common' });
    expect(await passwordProblem('tiinateknikko', personal)).toMatchObject({ rule: 'common' });
    expect(await passwordProblem('tiinateknikko')).toBeNull();
  });
});

test('a long password is judged on its first 64 characters, so the estimate stays quick', async () => {
  expect(await passwordProblem(`${'password'.repeat(8)} then something unguessable: kaliiperi`)).toMatchObject({ rule: 'common' });
  expect(await passwordProblem(`kaliiperi, mikrometri ja syksyn mittaukset ${'x'.repeat(200)}`)).toBeNull();
});
