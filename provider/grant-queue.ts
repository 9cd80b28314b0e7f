/**
 * The grants of one tenant, one at a time and group grants in rank order. The service places a
 * group at the rank it is given and pushes the others down, so two of our groups re-ranked in
 * the wrong order undo each other (rank 2 first, then rank 1, pushes the rank-2 group to 3).
 * Terraform starts independent resources within milliseconds of each other, so the queue
 * gathers what arrives in a short window and runs it lowest order first: removals and other
 * scopes (order 0), then group grants by rank.
 */
export const GATHER_MS = 100;

interface Pending {
  order: number;
  seq: number;
  run: () => Promise<void>;
}

export function grantQueue(gatherMs = GATHER_MS): <T>(task: () => Promise<T>, order?: number) => Promise<T> {
  const pending: Pending[] = [];
  let draining = false;
  let seq = 0;

  async function drain(): Promise<void> {
    draining = true;
    await new Promise((resolve) => setTimeout(resolve, gatherMs));
    while (pending.length > 0) {
      pending.sort((a, b) => a.order - b.order || a.seq - b.seq);
      await pending.shift()!.run();
    }
    draining = false;
  }

  return <T>(task: () => Promise<T>, order = 0): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      pending.push({ order, seq: seq++, run: () => task().then(resolve, reject) });
      if (!draining) void drain();
    });
}
