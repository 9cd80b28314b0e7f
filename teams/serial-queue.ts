/**
 * A queue of one: each task starts when the one before it has settled (whatever its outcome).
 * For writes that must not overlap: read-modify-writes of one list, renumbering grants.
 */
export function serialQueue(): <T>(task: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(task: () => Promise<T>): Promise<T> => {
    const run = tail.then(task, task);
    tail = run.catch(() => undefined);
    return run;
  };
}
