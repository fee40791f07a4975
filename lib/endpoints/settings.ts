import { AiShowSettingsBody, toAiShowSettings } from '../models';
import { NoContent, callEndpoint } from './endpoint';
import * as check from './validate';

export const aiShowSettings = callEndpoint({
  method: 'GET',
  path: '/v1/user/ai-show-settings',
  params: () => ({}),
  body: AiShowSettingsBody,
  result: toAiShowSettings,
});

export const setAiShowSettings = callEndpoint({
  method: 'POST',
  path: '/v1/user/ai-show-settings/edit',
  params: (show: boolean) => ({ show_ai: check.flag('show', show) }),
  body: NoContent,
  result: (): void => undefined,
});
