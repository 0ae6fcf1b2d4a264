import { GENESIS_HASH, eventHash, findBreak, type StoredEvent } from './audit-chain.js';

function chain(n: number): StoredEvent[] {
  const events: StoredEvent[] = [];
  let prev = GENESIS_HASH;
  for (let i = 1; i <= n; i++) {
    const content = {
      seq: i,
      occurredAt: `2026-11-0${i}T10:00:00.000Z`,
      actorUserId: null,
      actorRole: 'admin',
      action: 'user.create',
      entityType: 'user',
      entityId: `u${i}`,
      before: null,
      after: { email: `u${i}@example.fi` },
      reason: null,
      requestId: `r${i}`,
    };
    const hash = eventHash(prev, content);
    events.push({ ...content, prevHash: prev, hash });
    prev = hash;
  }
  return events;
}

test('an intact chain has no break', () => {
  expect(findBreak(chain(5), 1, GENESIS_HASH)).toBeNull();
});

test('a changed event is the first break', () => {
  const events = chain(5);
  events[2] = { ...events[2]!, after: { email: 'forged@example.fi' } };
  expect(findBreak(events, 1, GENESIS_HASH)).toEqual({ seq: 3, reason: expect.stringMatching(/content does not match/), lastIntactSeq: 2 });
});

test('a removed event breaks the chain where it was', () => {
  const events = chain(5);
  events.splice(1, 1);
  expect(findBreak(events, 1, GENESIS_HASH)).toEqual({ seq: 3, reason: 'event 2 is missing (found 3 next)', lastIntactSeq: 1 });
});

test('the timestamp format read back from the database does not change the hash', () => {
  const [first] = chain(1);
  expect(eventHash(GENESIS_HASH, { ...first!, occurredAt: '2026-11-01 10:00:00+00' })).toBe(first!.hash);
});

test('the stored hashes are not part of the hashed content', () => {
  const [first] = chain(1);
  expect(eventHash(GENESIS_HASH, { ...first!, hash: 'x', prevHash: 'y' } as never)).toBe(first!.hash);
});
