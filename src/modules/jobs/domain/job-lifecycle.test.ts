import { ROLES, type Role } from '../../../shared/actor.js';
import { DomainError } from '../../../shared/errors/index.js';
import { JOB_ACTIONS, JOB_STATES, allowedActions, isTerminal, nextStates, transition, type JobAction, type JobState } from './job-lifecycle.js';

/** The table as the lab describes it, written out independently of TRANSITIONS. */
const EXPECTED: Record<string, { to: JobState; roles: Role[] }> = {
  'submitted accept': { to: 'accepted', roles: ['admin', 'quality_manager'] },
  'submitted reject': { to: 'rejected', roles: ['admin', 'quality_manager'] },
  'submitted cancel': { to: 'cancelled', roles: ['admin', 'quality_manager', 'customer'] },
  'accepted receive_items': { to: 'items_received', roles: ['technician', 'quality_manager'] },
  'accepted cancel': { to: 'cancelled', roles: ['admin', 'quality_manager'] },
  'items_received start_measurement': { to: 'in_measurement', roles: ['technician', 'quality_manager'] },
  'items_received cancel': { to: 'cancelled', roles: ['admin', 'quality_manager'] },
  'in_measurement send_to_review': { to: 'results_under_review', roles: ['technician', 'quality_manager'] },
  'results_under_review return_to_measurement': { to: 'in_measurement', roles: ['quality_manager'] },
  'results_under_review report': { to: 'reported', roles: ['quality_manager'] },
  'reported close': { to: 'closed', roles: ['quality_manager'] },
};

const cases: [JobState, JobAction, Role][] = JOB_STATES.flatMap((s) => JOB_ACTIONS.flatMap((a) => ROLES.map((r): [JobState, JobAction, Role] => [s, a, r])));

describe('job lifecycle', () => {
  test.each(cases)('%s --%s--> by %s', (state, action, role) => {
    const expected = EXPECTED[`${state} ${action}`];
    if (!expected) {
      const error = (() => {
        try {
          transition(state, action, role);
        } catch (e) {
          return e as DomainError;
        }
        throw new Error('expected an illegal transition');
      })();
      expect(error.code).toBe('LIMS_JOB_ILLEGAL_TRANSITION');
      expect(error.message).toContain(`The job is ${state}`);
      for (const next of nextStates(state)) expect(error.message).toContain(next);
      return;
    }
    if (expected.roles.includes(role)) expect(transition(state, action, role)).toBe(expected.to);
    else expect(() => transition(state, action, role)).toThrow(expect.objectContaining({ code: 'LIMS_AUTH_FORBIDDEN' }));
  });

  test('the message of an illegal transition names the current state and the allowed next states', () => {
    expect(() => transition('submitted', 'start_measurement', 'technician')).toThrow(
      'The job is submitted; it cannot start measurement. Allowed next states from submitted: accepted, rejected, cancelled.',
    );
    expect(() => transition('closed', 'cancel', 'quality_manager')).toThrow('Allowed next states from closed: none (the job is finished).');
  });

  test('rejected, closed and cancelled are terminal; every other state leads somewhere', () => {
    expect(JOB_STATES.filter(isTerminal)).toEqual(['rejected', 'closed', 'cancelled']);
  });

  test('the customer may only cancel, and only before acceptance; the auditor may do nothing', () => {
    expect(JOB_STATES.flatMap((s) => allowedActions(s, 'customer').map((a) => `${s} ${a}`))).toEqual(['submitted cancel']);
    expect(JOB_STATES.flatMap((s) => allowedActions(s, 'auditor'))).toEqual([]);
  });

  test('every state is reachable from submitted', () => {
    const seen = new Set<JobState>(['submitted']);
    const queue: JobState[] = ['submitted'];
    while (queue.length > 0) for (const n of nextStates(queue.shift()!)) if (!seen.has(n)) queue.push(seen.add(n) && n);
    expect([...seen].sort()).toEqual([...JOB_STATES].sort());
  });
});
