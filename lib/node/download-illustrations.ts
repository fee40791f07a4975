import { Observable, OperatorFunction, defer, mergeMap, tap } from 'rxjs';
import { Demand, subscribeWithDemand } from '../demand';
import type { Illustration } from '../models';
import type { DownloadClient, DownloadOptions, DownloadResult } from './download-options';
import { resolveDownloadOptions } from './download-options';
import { illustrationDownload$ } from './download-illustration';
import { TransferLimiter } from './transfer-limiter';

/**
 * Downloads every illustration of the source, as {@link downloadIllustration} does one, and emits
 * one {@link DownloadResult} per illustration **in completion order** (a skipped work may overtake
 * one still downloading):
 *
 * ```ts
 * client.userIllustrations$(id).pipe(
 *   take(100),
 *   downloadIllustrations(client, { directory, size: Size.ORIGINAL, concurrency: 4 }),
 * ).subscribe((result) => …);
 * ```
 *
 * Bounds, per subscription: at most `concurrency` image transfers at once, the pages of every work
 * included (one shared limiter), and at most `concurrency` illustrations worked on at once.
 * Transfers start in source order, work by work and page by page: the limiter grants its slots
 * first come, first served in the order the works arrive, so with `concurrency: 3` the first work's
 * first page is among the first three requests, whichever file check ends first. The
 * operator takes nothing from an illustration it has not started (no metadata request, no file
 * access). RxJS has no backpressure, so a pixiv-rx listing subscribed by this operator (directly or
 * through synchronous operators such as `take`, `map`, `filter`) is told the operator's backlog and
 * requests its next page only when fewer than `2 × concurrency` works wait: a slow disk does not
 * make it page ahead. Other sources' values, pushed faster than they are downloaded, wait in the
 * operator as plain references.
 *
 * A `filename` must be a function here (a string would name every work alike: `TypeError`).
 * Bad options are a `TypeError` before the source is subscribed; an unsafe name, before that
 * work's first request. A work that fails for good ends the stream with a `DownloadError`, and,
 * like unsubscribing, aborts every transfer in flight, leaving no incomplete final file (a `.part`
 * stays to be resumed next time).
 */
export function downloadIllustrations(
  client: DownloadClient,
  options: DownloadOptions,
): OperatorFunction<Illustration, DownloadResult> {
  return (source) =>
    defer(() => {
      const resolved = resolveDownloadOptions(options);
      if (typeof resolved.filename === 'string') {
        throw new TypeError(
          'downloadIllustrations needs filename as a function of the illustration: a string would give every work the same name',
        );
      }
      const limiter = new TransferLimiter(resolved.concurrency);
      // a listing upstream requests its next page only when fewer than this many works wait
      const demand = new Demand(resolved.concurrency * 2);
      const downloads = source.pipe(
        tap({ next: () => demand.add(), finalize: () => demand.take(demand.pending) }),
        mergeMap((illustration) => {
          demand.take();
          return illustrationDownload$(client, illustration, resolved, limiter);
        }, resolved.concurrency),
      );
      return new Observable<DownloadResult>((subscriber) =>
        subscribeWithDemand(demand, () => downloads.subscribe(subscriber)),
      );
    });
}
