/**
 * The electronic signature of an issued document, in the spirit of 21 CFR Part 11 (11.50 the
 * signer's printed name, the time and the meaning; 11.70 bound to the record: the SHA-256 of every
 * file; 11.200 re-authentication with the password at signing).
 */
export interface SignatureRecord {
  readonly signerId: string;
  readonly name: string;
  /** The signer's function, as a role key (`quality_manager`), phrased per language. */
  readonly function: string;
  readonly signedAt: string;
  /** What the signature means, in the signer's words, e.g. "Approved for issue". */
  readonly meaning: string;
  readonly authentication: 'password';
  readonly files: readonly { readonly kind: string; readonly language: string; readonly sha256: string }[];
}
