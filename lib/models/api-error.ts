import * as t from 'io-ts';
import { NullableString } from './codecs';

/**
 * The app-api error envelope, e.g. `{"error":{"user_message":"","message":"Rate Limit","reason":"",
 * "user_message_details":{}}}`. Tolerant: every field is optional, for classifying errors.
 */
export const ApiErrorEnvelope = t.type(
  {
    error: t.partial(
      {
        user_message: NullableString,
        message: NullableString,
        reason: NullableString,
        user_message_details: t.unknown,
      },
      'ApiError',
    ),
  },
  'ApiErrorEnvelope',
);
export type ApiErrorEnvelope = t.TypeOf<typeof ApiErrorEnvelope>;

/**
 * The OAuth error body, e.g. `{"has_error":true,"errors":{"system":{"message":"Invalid refresh
 * token","code":1508}},"error":"invalid_grant"}` (HTTP 400). Tolerant: every field is optional.
 */
export const OAuthErrorBody = t.partial(
  {
    has_error: t.boolean,
    errors: t.partial(
      {
        system: t.partial({ message: t.string, code: t.union([t.number, t.string], 'number | string') }, 'OAuthSystemError'),
      },
      'OAuthErrors',
    ),
    error: t.string,
  },
  'OAuthErrorBody',
);
export type OAuthErrorBody = t.TypeOf<typeof OAuthErrorBody>;
