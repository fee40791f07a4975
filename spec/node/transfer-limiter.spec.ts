import { TransferLimiter } from '../../lib/node/transfer-limiter';

describe('TransferLimiter', () => {
  const signal = () => new AbortController().signal;

  it('grants at most `limit` slots and serves waiters first come, first served', async () => {
    const limiter = new TransferLimiter(2);
    const order: string[] = [];
    const a = await limiter.acquire(signal());
    const b = await limiter.acquire(signal());
    const c = limiter.acquire(signal()).then((release) => (order.push('c'), release));
    const d = limiter.acquire(signal()).then((release) => (order.push('d'), release));
    await Promise.resolve();

    expect(limiter.running).toBe(2);
    expect(order).toEqual([]);
    a();
    const releaseC = await c;
    expect(order).toEqual(['c']);
    b();
    const releaseD = await d;
    expect(order).toEqual(['c', 'd']);
    releaseC();
    releaseD();
    expect(limiter.running).toBe(0);
    expect(limiter.peak).toBe(2);
  });

  it('gives a slot back once however often release is called', async () => {
    const limiter = new TransferLimiter(1);
    const release = await limiter.acquire(signal());
    release();
    release();

    expect(limiter.running).toBe(0);
    await limiter.acquire(signal());
    expect(limiter.running).toBe(1);
  });

  it('drops a waiter whose signal aborts, and rejects it', async () => {
    const limiter = new TransferLimiter(1);
    const first = await limiter.acquire(signal());
    const controller = new AbortController();
    const waiting = limiter.acquire(controller.signal);
    const next = limiter.acquire(signal());

    controller.abort();
    await expect(waiting).rejects.toMatchObject({ name: 'AbortError' });
    first();
    await next;
    expect(limiter.running).toBe(1);
  });

  it('refuses a limit that is not a positive integer', () => {
    expect(() => new TransferLimiter(0)).toThrow(TypeError);
    expect(() => new TransferLimiter(2.5)).toThrow(TypeError);
    expect(() => new TransferLimiter(Number.NaN)).toThrow(TypeError);
  });
});
