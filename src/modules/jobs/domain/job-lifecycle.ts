import type { Role } from '../../../shared/actor.js';
import { DomainError } from '../../../shared/errors/index.js';

/** The states of a job, from the company's submission to the closed file. */
export const JOB_STATES = ['submitted', 'accepted', 'rejected', 'items_received', 'in_measurement', 'results_under_review', 'reported', 'closed', 'cancelled'] as const;
export type JobState = (typeof JOB_STATES)[number];

export const JOB_ACTIONS = ['accept', 'reject', 'cancel', 'receive_items', 'start_measurement', 'send_to_review', 'return_to_measurement', 'report', 'close'] as const;
export type JobAction = (typeof JOB_ACTIONS)[number];

/** Who may submit a job: the company itself, or lab staff entering an order on its behalf. */
export const SUBMIT_ROLES: readonly Role[] = ['customer', 'admin', 'quality_manager'];

interface Transition {
  from: JobState;
  action: JobAction;
  to: JobState;
  roles: readonly Role[];
}

const REVIEWERS: readonly Role[] = ['admin', 'quality_manager'];
const BENCH: readonly Role[] = ['technician', 'quality_manager'];
const QM: readonly Role[] = ['quality_manager'];

/**
 * The whole transition table. Contract review (accept/reject) is done by the lab's reviewers; the
 * bench work by technicians or the quality manager; only the quality manager releases (reports)
 * and closes. The customer may cancel until the lab has accepted; after acceptance and until the
 * measurement starts, only the lab cancels (e.g. at the customer's request), with a reason.
 */
export const TRANSITIONS: readonly Transition[] = [
  { from: 'submitted', action: 'accept', to: 'accepted', roles: REVIEWERS },
  { from: 'submitted', action: 'reject', to: 'rejected', roles: REVIEWERS },
  { from: 'submitted', action: 'cancel', to: 'cancelled', roles: ['customer', ...REVIEWERS] },
  { from: 'accepted', action: 'receive_items', to: 'items_received', roles: BENCH },
  { from: 'accepted', action: 'cancel', to: 'cancelled', roles: REVIEWERS },
  { from: 'items_received', action: 'start_measurement', to: 'in_measurement', roles: BENCH },
  { from: 'items_received', action: 'cancel', to: 'cancelled', roles: REVIEWERS },
  { from: 'in_measurement', action: 'send_to_review', to: 'results_under_review', roles: BENCH },
  { from: 'results_under_review', action: 'return_to_measurement', to: 'in_measurement', roles: QM },
  { from: 'results_under_review', action: 'report', to: 'reported', roles: QM },
  { from: 'reported', action: 'close', to: 'closed', roles: QM },
];

/** Actions that must carry a reason (recorded on the job and in the audit trail). */
export const NEEDS_REASON: ReadonlySet<JobAction> = new Set(['reject', 'cancel', 'return_to_measurement']);

/** The states reachable from `state` by any role. Terminal states (rejected, closed, cancelled) have none. */
export const nextStates = (state: JobState): JobState[] => [...new Set(TRANSITIONS.filter((t) => t.from === state).map((t) => t.to))];

/** The actions `role` may take on a job in `state` (for clients to show the right buttons). */
export const allowedActions = (state: JobState, role: Role): JobAction[] => TRANSITIONS.filter((t) => t.from === state && t.roles.includes(role)).map((t) => t.action);

/** True when no transition leaves the state. */
export const isTerminal = (state: JobState): boolean => nextStates(state).length === 0;

/**
 * The state a job moves to when `role` takes `action` in `state`. An action the state does not allow
 * is LIMS_JOB_ILLEGAL_TRANSITION (409) naming the current state and the allowed next states; an
 * allowed action by the wrong role is LIMS_AUTH_FORBIDDEN (403).
 */
export function transition(state: JobState, action: JobAction, role: Role): JobState {
  const t = TRANSITIONS.find((x) => x.from === state && x.action === action);
  if (!t) {
    const next = nextStates(state);
    const allowed = next.length === 0 ? 'none (the job is finished)' : next.join(', ');
    throw new DomainError('LIMS_JOB_ILLEGAL_TRANSITION', `The job is ${state}; it cannot ${action.replaceAll('_', ' ')}. Allowed next states from ${state}: ${allowed}.`, {
      state,
      action,
      allowedNextStates: next,
    });
  }
  if (!t.roles.includes(role)) {
    throw new DomainError('LIMS_AUTH_FORBIDDEN', `Role ${role} may not ${action.replaceAll('_', ' ')} a job; allowed: ${t.roles.join(', ')}.`);
  }
  return t.to;
}
