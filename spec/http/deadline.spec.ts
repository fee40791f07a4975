import { startDeadline } from '../../lib/http/deadline';

describe('startDeadline', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('calls onExpire once the time has run out, and says so', () => {
    const onExpire = jest.fn();
    const deadline = startDeadline(1_000, onExpire);
    jest.advanceTimersByTime(999);
    expect(onExpire).not.toHaveBeenCalled();
    expect(deadline.expired).toBe(false);
    jest.advanceTimersByTime(1);
    expect(onExpire).toHaveBeenCalledTimes(1);
    expect(deadline.expired).toBe(true);
    deadline.clear();
    expect(deadline.expired).toBe(true);
  });

  it('never expires once cleared, and clears twice without harm', () => {
    const onExpire = jest.fn();
    const deadline = startDeadline(1_000, onExpire);
    deadline.clear();
    deadline.clear();
    jest.advanceTimersByTime(10_000);
    expect(onExpire).not.toHaveBeenCalled();
    expect(deadline.expired).toBe(false);
    expect(jest.getTimerCount()).toBe(0);
  });

  it('sets no timer for 0 ms', () => {
    const onExpire = jest.fn();
    const deadline = startDeadline(0, onExpire);
    expect(jest.getTimerCount()).toBe(0);
    jest.advanceTimersByTime(60_000);
    expect(onExpire).not.toHaveBeenCalled();
    expect(deadline.expired).toBe(false);
  });

  // One is made per request: a deadline with an accessor or a function of its own (an object
  // literal with `get expired()`) gets a hidden class per request, which keeps that request's
  // objects alive through every young-generation collection until a full one.
  it('makes every deadline alike: shared methods, no accessor or function of its own', () => {
    const deadlines = [startDeadline(0, () => undefined), startDeadline(1_000, () => undefined)];
    expect(Object.getPrototypeOf(deadlines[0])).toBe(Object.getPrototypeOf(deadlines[1]));
    for (const deadline of deadlines) {
      for (const key of Reflect.ownKeys(deadline)) {
        const descriptor = Object.getOwnPropertyDescriptor(deadline, key)!;
        expect(descriptor.get).toBeUndefined();
        expect(typeof descriptor.value).not.toBe('function');
      }
      deadline.clear();
    }
  });
});
