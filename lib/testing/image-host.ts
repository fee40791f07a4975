import { NGINX_403, NGINX_404 } from './envelopes';
import type { ImageStore } from './image-store';
import { text, type FakeRequest, type Reply } from './reply';

/** The Referers i.pximg.net accepts (any page of these origins). */
const PIXIV_REFERER = /^https:\/\/(?:app-api\.pixiv\.net|www\.pixiv\.net)\//;

/**
 * Parses a single `bytes=` range against a size: `[start, end)`, `'unsatisfiable'`, or
 * `undefined` to send the whole body (no header, a multi-range, or a header we ignore).
 */
export function parseRange(header: string | undefined, size: number): [number, number] | 'unsatisfiable' | undefined {
  if (!header) return undefined;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m) return undefined;
  const [, from, to] = m as unknown as [string, string, string];
  if (from === '' && to === '') return undefined;
  if (from === '') {
    const suffix = Number(to);
    if (suffix === 0 || size === 0) return 'unsatisfiable';
    return [Math.max(0, size - suffix), size];
  }
  const start = Number(from);
  if (start >= size) return 'unsatisfiable';
  const end = to === '' ? size : Math.min(Number(to) + 1, size);
  if (end <= start) return undefined;
  return [start, end];
}

/** i.pximg.net: Referer check, Content-Length, Range. */
export function handleImage(request: FakeRequest, store: ImageStore): Reply {
  if (request.method !== 'GET' && request.method !== 'HEAD') return text(405, '', { Allow: 'GET, HEAD' });
  const referer = request.headers.referer;
  // placeholders and stamps live on s.pximg.net, which has no Referer check
  if (!request.path.startsWith('/common/') && !PIXIV_REFERER.test(typeof referer === 'string' ? referer : '')) {
    return text(403, NGINX_403, { Server: 'nginx' });
  }
  const source = store.resolve(request.path);
  if (!source) return text(404, NGINX_404, { Server: 'nginx' });
  const headers: Record<string, string> = {
    'Content-Type': source.contentType,
    'Accept-Ranges': 'bytes',
    'Last-Modified': source.lastModified.toUTCString(),
    'Cache-Control': 'max-age=31536000',
    Server: 'nginx',
  };
  const range = parseRange(request.headers.range, source.size);
  if (range === 'unsatisfiable') {
    return text(416, '', { ...headers, 'Content-Range': `bytes */${source.size}`, 'Content-Type': 'text/html' });
  }
  if (range) {
    return {
      status: 206,
      headers: { ...headers, 'Content-Range': `bytes ${range[0]}-${range[1] - 1}/${source.size}` },
      source,
      range,
    };
  }
  return { status: 200, headers, source, range: [0, source.size] };
}
