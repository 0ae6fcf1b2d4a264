/** How long a quote stays open for acceptance, in calendar days from its date. */
export const QUOTE_VALIDITY_DAYS = 30;

/** The status a reader sees: an issued quote past its validity date is `expired` (derived). */
export const quoteStatus = (q: { status: 'issued' | 'accepted' | 'declined'; validUntil: string }, today: string) =>
  q.status === 'issued' && q.validUntil < today ? ('expired' as const) : q.status;
