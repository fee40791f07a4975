import { Observable, Subject, merge, lastValueFrom, toArray } from 'rxjs';
import { RequestLimiter } from '../../lib/http/limiter';

/** A request stand-in that stays in flight until `finish` emits. */
function pending(log: string[], name: string, finish: Subject<void>): Observable<string> {
  return new Observable<string>((subscriber) => {
    log.push(`start ${name}`);
    const sub = finish.subscribe(() => {
      subscriber.next(name);
      subscriber.complete();
    });
    return () => {
      log.push(`end ${name}`);
      sub.unsubscribe();
    };
  });
}

describe('RequestLimiter', () => {
  it('runs at most `limit` sources at once, in the order they asked', () => {
    const limiter = new RequestLimiter(2);
    const log: string[] = [];
    const finishers = [0, 1, 2, 3].map(() => new Subject<void>());
    const results: string[] = [];
    for (const [i, finish] of finishers.entries()) {
      limiter.run(pending(log, `r${i}`, finish)).subscribe((value) => results.push(value));
    }
    expect(log).toEqual(['start r0', 'start r1']);
    finishers[1].next();
    expect(log).toEqual(['start r0', 'start r1', 'start r2', 'end r1']);
    finishers[0].next();
    finishers[2].next();
    finishers[3].next();
    expect(results).toEqual(['r1', 'r0', 'r2', 'r3']);
    expect(limiter.peak).toBe(2);
  });

  it('releases the slot when a running source is unsubscribed', () => {
    const limiter = new RequestLimiter(1);
    const log: string[] = [];
    const a = new Subject<void>();
    const b = new Subject<void>();
    const first = limiter.run(pending(log, 'a', a)).subscribe();
    limiter.run(pending(log, 'b', b)).subscribe();
    expect(log).toEqual(['start a']);
    first.unsubscribe();
    expect(log).toEqual(['start a', 'end a', 'start b']);
  });

  it('drops a waiting source that is unsubscribed before its turn', () => {
    const limiter = new RequestLimiter(1);
    const log: string[] = [];
    const a = new Subject<void>();
    limiter.run(pending(log, 'a', a)).subscribe();
    const waiting = limiter.run(pending(log, 'b', new Subject<void>())).subscribe();
    limiter.run(pending(log, 'c', new Subject<void>())).subscribe();
    waiting.unsubscribe();
    a.next();
    expect(log).toEqual(['start a', 'start c', 'end a']);
  });

  it('releases the slot when a source errors', async () => {
    const limiter = new RequestLimiter(1);
    const failing = new Observable<string>((s) => s.error(new Error('boom')));
    await expect(lastValueFrom(limiter.run(failing))).rejects.toThrow('boom');
    const ok = new Observable<string>((s) => {
      s.next('ok');
      s.complete();
    });
    await expect(lastValueFrom(merge(limiter.run(ok), limiter.run(ok)).pipe(toArray()))).resolves.toEqual(['ok', 'ok']);
  });

  it('rejects a limit below 1', () => {
    expect(() => new RequestLimiter(0)).toThrow(TypeError);
    expect(() => new RequestLimiter(1.5)).toThrow(TypeError);
  });
});
