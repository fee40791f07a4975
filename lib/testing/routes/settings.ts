import { first } from '../params';
import { json } from '../reply';
import { invalid, type RouteContext, type RouteTable } from './kit';

/** `ai-show-settings`: whether the account sees AI-generated works (listings and searches honour it). */
export function settingsRoutes(ctx: RouteContext): RouteTable {
  const { world } = ctx;
  return {
    'GET /v1/user/ai-show-settings': (_, viewer) => json(200, { show_ai: world.settings.showAi(viewer.userId) }),
    'POST /v1/user/ai-show-settings/edit': (request, viewer) => {
      const value = first(request.form, 'show_ai');
      if (value !== 'true' && value !== 'false') invalid('show_ai', 'show_ai must be true or false');
      world.settings.setShowAi(viewer.userId, value === 'true');
      return json(200, {});
    },
  };
}
