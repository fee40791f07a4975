import { Observable, Subject, of, throwError } from 'rxjs';
import { Interrupts } from '../src/interrupts';
import { runJob } from '../src/run-job';

describe('runJob', () => {
  it('resolves complete when the job completes, after every value', async () => {
    const seen: number[] = [];
    const interrupts = new Interrupts(() => undefined);
    await expect(runJob(of(1, 2, 3), (n) => seen.push(n), interrupts)).resolves.toEqual({ kind: 'complete' });
    expect(seen).toEqual([1, 2, 3]);
  });

  it('resolves failed with the error', async () => {
    const error = new Error('boom');
    await expect(runJob(throwError(() => error), () => undefined, new Interrupts(() => undefined))).resolves.toEqual({
      kind: 'failed',
      error,
    });
  });

  it('unsubscribes from the job at Ctrl-C and resolves interrupted', async () => {
    const fallback = jest.fn();
    const interrupts = new Interrupts(fallback);
    let tornDown = false;
    const job = new Observable<number>(() => () => {
      tornDown = true;
    });
    const outcome = runJob(job, () => undefined, interrupts);
    interrupts.trigger();
    await expect(outcome).resolves.toEqual({ kind: 'interrupted' });
    expect(tornDown).toBe(true);
    expect(fallback).not.toHaveBeenCalled();
  });

  it('leaves a second Ctrl-C, or one with no job running, to the fallback', async () => {
    const fallback = jest.fn();
    const interrupts = new Interrupts(fallback);
    const values = new Subject<number>();
    const outcome = runJob(values, () => undefined, interrupts);
    interrupts.trigger();
    await outcome;
    interrupts.trigger();
    expect(fallback).toHaveBeenCalledTimes(1);
    await runJob(of(1), () => undefined, interrupts);
    interrupts.trigger();
    expect(fallback).toHaveBeenCalledTimes(2);
  });
});
