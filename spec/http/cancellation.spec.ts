import { Cancellation } from '../../lib/http/cancellation';

describe('Cancellation', () => {
  it('calls its listener once, when cancelled', () => {
    const cancellation = new Cancellation();
    const listener = jest.fn();
    cancellation.onCancel(listener);
    expect(listener).not.toHaveBeenCalled();
    expect(cancellation.cancelled).toBe(false);
    cancellation.cancel();
    cancellation.cancel();
    expect(listener).toHaveBeenCalledTimes(1);
    expect(cancellation.cancelled).toBe(true);
  });

  it('calls a listener given after the cancel at once', () => {
    const cancellation = new Cancellation();
    cancellation.cancel();
    const listener = jest.fn();
    cancellation.onCancel(listener);
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('gives an AbortSignal that aborts with it, for axios', () => {
    const cancellation = new Cancellation();
    const signal = cancellation.toSignal();
    expect(signal.aborted).toBe(false);
    cancellation.cancel();
    expect(signal.aborted).toBe(true);
    expect(new Cancellation().toSignal().aborted).toBe(false);
  });
});
