import * as t from 'io-ts';

/** `/v1/user/ai-show-settings`: `{ show_ai }` (client models only: no recorded body). */
export const RawAiShowSettings = t.type({ show_ai: t.boolean }, 'AiShowSettings');
export type RawAiShowSettings = t.TypeOf<typeof RawAiShowSettings>;

/** Whether the account is shown AI-generated works. */
export interface AiShowSettings {
  readonly showAi: boolean;
}

/** Maps the raw settings to {@link AiShowSettings}. */
export function toAiShowSettings(raw: RawAiShowSettings): AiShowSettings {
  return { showAi: raw.show_ai };
}
