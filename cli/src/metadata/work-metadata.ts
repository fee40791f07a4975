import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Illustration } from 'pixiv-rx';

/**
 * A work as the JSON of its sidecar: the library's model, keys sorted at every level (so two runs,
 * or two versions of the library, write the same bytes for the same work), dates as ISO 8601,
 * `user` and `tags` as the objects the model has. Ends with a line break.
 */
export function workMetadataJson(work: Illustration): string {
  return `${JSON.stringify(sortedKeys(work), null, 2)}\n`;
}

function sortedKeys(value: unknown): unknown {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, field]) => field !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(entries.map(([key, field]) => [key, sortedKeys(field)]));
}

/**
 * Writes the sidecar of `work` at `file` whole: to `<file>.part`, then renamed into place, so a
 * kill never leaves half a JSON file. Creates the folder. Returns the bytes written.
 */
export async function writeWorkMetadata(file: string, work: Illustration): Promise<number> {
  const data = Buffer.from(workMetadataJson(work), 'utf8');
  const part = `${file}.part`;
  await fs.promises.mkdir(path.dirname(file), { recursive: true });
  await fs.promises.writeFile(part, data);
  await fs.promises.rename(part, file);
  return data.length;
}
