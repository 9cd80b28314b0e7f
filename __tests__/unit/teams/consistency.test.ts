import { Deadline } from '../../../teams/deadline';
import { waitUntilConsistent } from '../../../teams/consistency';
import { DeadlineExceededError } from '../../../teams';

const subject = { tenantId: 't', object: 'provider Pexip' };
const policy = { confirmations: 3, intervalMs: 1, maxIntervalMs: 4 };
const reader = (answers: boolean[]) => {
  let i = 0;
  const read = async () => answers[Math.min(i++, answers.length - 1)];
  return { read, reads: () => i };
};

describe('waitUntilConsistent', () => {
  test('given reads that agree at once, when waiting, then it stops after the required confirmations', async () => {
    const r = reader([true]);

    await waitUntilConsistent(r.read, (v) => v, { subject, deadline: new Deadline(Date.now() + 5_000), policy });

    expect(r.reads()).toBe(3);
  });

  test('given a stale replica in between, when waiting, then the count starts again', async () => {
    const r = reader([true, true, false, true, true, true]);

    await waitUntilConsistent(r.read, (v) => v, { subject, deadline: new Deadline(Date.now() + 5_000), policy });

    expect(r.reads()).toBe(6);
  });

  test('given reads that never agree, when the deadline comes, then DeadlineExceededError says the write was accepted', async () => {
    const r = reader([false]);

    const err = await waitUntilConsistent(r.read, (v) => v, { subject, deadline: new Deadline(Date.now() + 50), policy }).catch((e: unknown) => e);

    expect(err).toBeInstanceOf(DeadlineExceededError);
    expect((err as Error).message).toMatch(/provider Pexip: deadline exceeded while waiting .*the write was accepted/);
  });
});
