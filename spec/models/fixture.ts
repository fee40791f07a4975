import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import * as t from 'io-ts';
import { BadApiResponse } from '../../lib/errors';
import { decode } from '../../lib/models';

/** The recorded bodies, see spec/fixtures/SOURCES.md. */
export const FIXTURES = join(__dirname, '..', 'fixtures');

/** The parsed body of `spec/fixtures/<path>` (a fresh copy on every call, free to mutate). */
 
export function fixture<T = any>(path: string): T {
  return JSON.parse(readFileSync(join(FIXTURES, path), 'utf8')) as T;
}

/** Every `.json` fixture, as `folder/file.json`. */
export function allFixturePaths(): string[] {
  return readdirSync(FIXTURES, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((dir) =>
      readdirSync(join(FIXTURES, dir.name))
        .filter((name) => name.endsWith('.json'))
        .map((name) => `${dir.name}/${name}`),
    )
    .sort();
}

/** The BadApiResponse that decoding `body` throws (fails the test when it does not throw one). */
export function decodeError(codec: t.Decoder<unknown, unknown>, body: unknown): BadApiResponse {
  try {
    decode(codec, body);
  } catch (error) {
    expect(error).toBeInstanceOf(BadApiResponse);
    return error as BadApiResponse;
  }
  throw new Error(`decoding with ${codec.name} did not fail`);
}
