import { ENVELOPES } from './envelopes';
import { type FakeRequest, type Reply } from './reply';
import { languageOf, type Serializer, type Viewer } from './serialize';
import type { FakeWorld } from './world';
import { bookmarkRoutes } from './routes/bookmarks';
import { illustrationRoutes } from './routes/illustrations';
import { Refusal, RouteContext, type RouteTable } from './routes/kit';
import { novelRoutes } from './routes/novels';
import { searchRoutes } from './routes/search';
import { settingsRoutes } from './routes/settings';
import { spotlightRoutes } from './routes/spotlight';
import { userRoutes } from './routes/users';
import { watchlistRoutes } from './routes/watchlists';

export { MAX_SEARCH_OFFSET, PAGE_SIZE } from './routes/kit';

/** The app-api endpoints of PROTOCOL.md over the fake world, a route file per family. */
export class ApiRoutes {
  private readonly routes: RouteTable;

  constructor(world: FakeWorld, serializer: Serializer, apiBaseUrl: string) {
    const ctx = new RouteContext(world, serializer, apiBaseUrl);
    this.routes = {
      ...illustrationRoutes(ctx),
      ...novelRoutes(ctx),
      ...searchRoutes(ctx),
      ...userRoutes(ctx),
      ...bookmarkRoutes(ctx),
      ...watchlistRoutes(ctx),
      ...settingsRoutes(ctx),
      ...spotlightRoutes(ctx),
    };
  }

  /** Whether a path is an endpoint (with any method). */
  has(method: string, path: string): boolean {
    return `${method} ${path}` in this.routes;
  }

  /** Answers an authenticated request. */
  handle(request: FakeRequest, userId: number): Reply {
    const handler = this.routes[`${request.method === 'HEAD' ? 'GET' : request.method} ${request.path}`];
    // removed and unknown endpoints (e.g. /v1/illust/comments since v3) answer this 404
    if (!handler) return { status: 404, json: ENVELOPES.endpointMissing() };
    const viewer: Viewer = { userId, language: languageOf(request.headers['accept-language']) };
    try {
      return handler(request, viewer);
    } catch (error) {
      if (error instanceof Refusal) return error.reply;
      throw error;
    }
  }
}
