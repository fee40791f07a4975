import type { IncomingHttpHeaders } from 'node:http';
import type { ImageSource } from './image-store';
import type { ParsedParams } from './params';

/** A request as the route handlers see it. */
export interface FakeRequest {
  readonly method: string;
  readonly path: string;
  readonly query: ParsedParams;
  readonly headers: IncomingHttpHeaders;
  readonly form: ParsedParams;
}

/** An answer, sent by the server (which applies the faults). */
export type Reply =
  | { readonly status: number; readonly headers?: Record<string, string>; readonly json: unknown }
  | { readonly status: number; readonly headers?: Record<string, string>; readonly text: string }
  | { readonly status: number; readonly headers?: Record<string, string>; readonly bytes: Buffer }
  | {
      readonly status: number;
      readonly headers?: Record<string, string>;
      readonly source: ImageSource;
      /** Bytes [start, end) of the source to send. */
      readonly range: readonly [number, number];
    };

export function json(status: number, body: unknown, headers?: Record<string, string>): Reply {
  return { status, json: body, headers };
}

export function text(status: number, body: string, headers: Record<string, string> = {}): Reply {
  return { status, text: body, headers: { 'Content-Type': 'text/html; charset=utf-8', ...headers } };
}

/** `PixivAndroidApp/5.0.234 (Android 11; Pixel 5)` or `PixivIOSApp/7.13.3 (iOS 14.6; iPhone13,2)`. */
export function isAppUserAgent(userAgent: string | undefined): boolean {
  return /^Pixiv(?:Android|IOS)App\/\d[\w.]*(?:\s|$)/.test(userAgent ?? '');
}
