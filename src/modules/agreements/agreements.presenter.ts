import { todayInFinland } from '../../shared/finnish-calendar.js';
import type { AgreementRow, NdaRow } from './agreements.repository.js';
import { effectiveStatus } from './domain/lifecycle.js';
import { ndaStatus } from './domain/nda-rules.js';

/** The API shape of an NDA, with its derived status. */
export const presentNda = (n: NdaRow, today = todayInFinland()) => ({ ...n, status: ndaStatus(n, today) });

/** The API shape of an agreement, with its derived status and its NDA. */
export const presentAgreement = (a: AgreementRow, nda: NdaRow, today = todayInFinland()) => ({
  ...a,
  status: effectiveStatus(a, today),
  nda: presentNda(nda, today),
});

export type AgreementView = ReturnType<typeof presentAgreement>;
