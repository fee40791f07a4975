import * as path from 'node:path';
import { from, lastValueFrom, toArray } from 'rxjs';
import type { Illustration } from '../../lib/models';
import { downloadIllustrations } from '../../lib/node';
import { ImageServer } from './image-server';
import { makeClient, makeTempDir, multiPage, removeDir, singlePage } from './support';

describe('downloadIllustrations in source order', () => {
  let server: ImageServer;
  let dir: string;

  beforeEach(async () => {
    server = await ImageServer.start();
    dir = await makeTempDir();
  });

  afterEach(async () => {
    await server.close();
    await removeDir(dir);
  });

  const trickle = { kind: 'trickle', chunkBytes: 4 * 1024, intervalMs: 3 } as const;

  /** A one-page work, then works of several pages: the paths in the order the source gives them. */
  function source(): { works: Illustration[]; order: string[] } {
    const works: Illustration[] = [];
    const order: string[] = [];
    const single = (id: number): void => {
      const file = `/img-original/${id}_p0.png`;
      server.addFile(file, 24 * 1024);
      server.failAlways(file, trickle);
      works.push(singlePage(server.origin, id));
      order.push(file);
    };
    const pages = (id: number, count: number): void => {
      for (let p = 0; p < count; p++) {
        const file = `/img-original/${id}_p${p}.jpg`;
        server.addFile(file, 24 * 1024);
        server.failAlways(file, trickle);
        order.push(file);
      }
      works.push(multiPage(server.origin, id, count));
    };
    single(1000);
    pages(2000, 5);
    pages(2001, 4);
    single(1001);
    pages(2002, 3);
    single(1002);
    return { works, order };
  }

  it.each([1, 2, 3, 4])('grants the slots work by work, page by page (concurrency %i)', async (concurrency) => {
    for (let round = 0; round < 5; round++) {
      const roundDir = path.join(dir, String(round));
      server.requests.length = 0;
      const { works, order } = source();

      const results = await lastValueFrom(
        from(works).pipe(downloadIllustrations(makeClient(), { directory: roundDir, concurrency }), toArray()),
      );

      expect(results).toHaveLength(works.length);
      const requested = server.requests.map((request) => request.path);
      expect([...requested].sort()).toEqual([...order].sort());
      // the first `concurrency` requests are the first `concurrency` files of the source
      expect(new Set(requested.slice(0, concurrency))).toEqual(new Set(order.slice(0, concurrency)));
      // a file is requested only once every file more than `concurrency` places before it is done
      requested.forEach((file, position) => expect(order.indexOf(file)).toBeLessThan(position + concurrency));
    }
  });
});
