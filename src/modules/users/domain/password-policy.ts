import type { ZxcvbnFactory } from '@zxcvbn-ts/core';

/**
 * Password rules (NIST SP 800-63B 5.1.1.2): passwords are compared and hashed after Unicode NFKC
 * normalisation; a new password has at least 12 characters, is not one character repeated or only
 * whitespace, and is not a common or easily guessed password. The last is zxcvbn-ts's estimate over
 * its common-password and common-word dictionaries, keyboard patterns, repeats, sequences and
 * dates, with the user's own e-mail address and name as extra words: a password it estimates at
 * fewer than 10^8 guesses (score below 3) is refused, judged on its first 64 characters. No
 * composition rules (NIST advises against them).
 */

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;
/** zxcvbn score needed: 3 = "safely unguessable", at least 10^8 guesses. */
export const PASSWORD_MIN_SCORE = 3;

/** How many characters of a password zxcvbn estimates. */
const ESTIMATED_LENGTH = 64;

export type PasswordRule = 'length' | 'repetition' | 'common';

export interface PasswordProblem {
  rule: PasswordRule;
  message: string;
  /** zxcvbn's warning key (e.g. `common`, `similarToCommon`, `simpleRepeat`) for rule `common`. */
  warning?: string;
}

/** The form a password is hashed and verified in. */
export const normalizePassword = (password: string): string => password.normalize('NFKC');

let estimator: Promise<ZxcvbnFactory> | undefined;

/**
 * The zxcvbn estimator with the common dictionaries, built once on first use: loading and
 * decompressing the dictionaries takes tens of milliseconds, so neither start-up nor login pays it.
 */
function passwordEstimator(): Promise<ZxcvbnFactory> {
  estimator ??= Promise.all([import('@zxcvbn-ts/core'), import('@zxcvbn-ts/language-common')]).then(
    ([core, common]) =>
      new core.ZxcvbnFactory({
        dictionary: common.dictionary,
        graphs: common.adjacencyGraphs,
        // Levenshtein matching multiplies the estimate's time by ten or more for little gain.
        useLevenshteinDistance: false,
      }),
  );
  return estimator;
}

/**
 * The first rule a new password breaks, or null when it may be used. `personal` are words the
 * password must not be built from: the user's e-mail address, its local part and their name.
 */
export async function passwordProblem(password: string, personal: readonly string[] = []): Promise<PasswordProblem | null> {
  const normalized = normalizePassword(password);
  const length = [...normalized].length;
  if (length < PASSWORD_MIN_LENGTH) {
    return { rule: 'length', message: `The password must have at least ${PASSWORD_MIN_LENGTH} characters (after Unicode NFKC normalisation); it has ${length}.` };
  }
  if (normalized.trim() === '' || new Set(normalized).size === 1) {
    return { rule: 'repetition', message: 'The password must not be one character repeated or only whitespace.' };
  }
  const words = personal.flatMap((word) => [word, ...word.split(/[@.\s]+/)]).filter((word) => word.length >= 3);
  // The estimate's time grows steeply with length (half a second at 256 characters, on the event
  // loop); the first 64 characters decide whether a password is guessable.
  const result = (await passwordEstimator()).check([...normalized].slice(0, ESTIMATED_LENGTH).join(''), words);
  if (result.score < PASSWORD_MIN_SCORE) {
    return {
      rule: 'common',
      message:
        'The password is a common password or too easy to guess (built from common passwords or words, your name or e-mail, keyboard patterns, repeats, sequences or dates); a passphrase of several unrelated words works well.',
      ...(result.feedback.warning ? { warning: result.feedback.warning } : {}),
    };
  }
  return null;
}
