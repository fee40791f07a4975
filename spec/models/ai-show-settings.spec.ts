import { AiShowSettingsBody, decode, toAiShowSettings } from '../../lib/models';
import { decodeError } from './fixture';
import { expectHostileBodiesHandled } from './mutations';

describe('AiShowSettingsBody and toAiShowSettings', () => {
  it('maps show_ai to showAi', () => {
    expect(toAiShowSettings(decode(AiShowSettingsBody, { show_ai: true }))).toEqual({ showAi: true });
    expect(toAiShowSettings(decode(AiShowSettingsBody, { show_ai: false, other: 1 }))).toEqual({ showAi: false });
  });

  it('refuses a show_ai that is not a boolean', () => {
    expect(decodeError(AiShowSettingsBody, { show_ai: 'true' }).path).toBe('show_ai');
    expect(decodeError(AiShowSettingsBody, {}).path).toBe('show_ai');
  });

  it('decodes or refuses damaged bodies, never throwing anything else', () => {
    expectHostileBodiesHandled(AiShowSettingsBody, { show_ai: true, settings: { nested: [true] } }, toAiShowSettings);
  });
});
