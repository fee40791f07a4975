/** The last holder (or waiter) of each path's lock, process-wide. */
const tails = new Map<string, Promise<void>>();

/**
 * Waits until no other transfer of this process writes `path` (and its `.part`), then resolves
 * with the function that lets the next one in. Offset-paged listings repeat a work when new ones
 * are posted meanwhile; two concurrent transfers appending to one `.part` would corrupt it, so the
 * second waits and then finds the file done. An aborted transfer keeps the lock until its file is
 * closed, so a quick resubscription cannot write beside it either.
 */
export async function lockPath(path: string): Promise<() => void> {
  const previous = tails.get(path) ?? Promise.resolve();
  let unlock!: () => void;
  const mine = new Promise<void>((resolve) => (unlock = resolve));
  const tail = previous.then(() => mine);
  tails.set(path, tail);
  void tail.then(() => {
    if (tails.get(path) === tail) tails.delete(path);
  });
  await previous;
  return unlock;
}
