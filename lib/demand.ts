/**
 * Demand: how a consumer slower than the network (downloads to a slow disk) keeps a listing from
 * paging far ahead of it. RxJS has no backpressure, so the consumer publishes its backlog here and
 * the pagination engine waits for the backlog to drain below the low-water mark before it
 * requests the next page.
 *
 * The link is made at subscription: a consumer subscribes to its source inside
 * {@link subscribeWithDemand}, and a pagination stream subscribed synchronously in that call
 * (through `take`, `map`, `filter`, `defer`…) picks the demand up. A stream subscribed later (after
 * an asynchronous step) sees none and pages freely, as before.
 */
export class Demand {
  private backlog = 0;
  private readonly waiters = new Set<() => void>();

  /** @param lowWater the next page is requested once fewer items than this wait */
  constructor(readonly lowWater: number) {}

  /** Items accepted and not yet taken up. */
  get pending(): number {
    return this.backlog;
  }

  /** `count` items arrived and wait. */
  add(count = 1): void {
    this.backlog += count;
  }

  /** `count` waiting items were taken up (or dropped). */
  take(count = 1): void {
    this.backlog = Math.max(0, this.backlog - count);
    if (this.backlog >= this.lowWater) return;
    for (const waiter of [...this.waiters]) {
      this.waiters.delete(waiter);
      waiter();
    }
  }

  /** Runs `proceed` once the backlog is below the low-water mark; returns a cancel function. */
  whenReady(proceed: () => void): () => void {
    if (this.backlog < this.lowWater) {
      proceed();
      return () => undefined;
    }
    this.waiters.add(proceed);
    return () => this.waiters.delete(proceed);
  }
}

let ambient: Demand | undefined;

/** Calls `subscribe` with `demand` visible to every pagination stream subscribed during the call. */
export function subscribeWithDemand<T>(demand: Demand, subscribe: () => T): T {
  const previous = ambient;
  ambient = demand;
  try {
    return subscribe();
  } finally {
    ambient = previous;
  }
}

/** The demand of the consumer now subscribing, if any (read by the pagination engine). */
export function currentDemand(): Demand | undefined {
  return ambient;
}
