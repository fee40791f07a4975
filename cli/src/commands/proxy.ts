import { type PixivUpstreams, createPixivProxy } from 'pixiv-rx/node';
import { CliError, usageError } from '../cli-error';
import { ExitCode } from '../exit-codes';
import { eprintln, println } from '../io';
import type { CommandContext } from './context';

export interface ProxyCommandOptions {
  readonly port: number;
  readonly host: string;
  /** The origins of the pages that may use the proxy (repeatable `--allow-origin`). */
  readonly allowOrigin: readonly string[];
  /** No line per request on stderr. */
  readonly quiet: boolean;
  /** Hidden: the image host to forward to instead of Pixiv's (a test server). */
  readonly imageBaseUrl?: string;
}

/**
 * `pixiv-rx proxy`: serves `createPixivProxy` until Ctrl-C, so that a browser app can use the
 * library through it. The hosts it forwards to are Pixiv's, or those of `--api-base-url`,
 * `--oauth-base-url` (and their environment variables), as for every other command.
 */
export async function proxy(context: CommandContext, options: ProxyCommandOptions): Promise<ExitCode> {
  const { io, connection, interrupts } = context;
  const upstream: PixivUpstreams = {
    ...(connection.apiBaseUrl !== undefined && { api: connection.apiBaseUrl }),
    ...(connection.oauthBaseUrl !== undefined && { oauth: connection.oauthBaseUrl }),
    ...(options.imageBaseUrl !== undefined && { image: options.imageBaseUrl }),
  };
  let server;
  try {
    server = await createPixivProxy({
      allowOrigins: options.allowOrigin,
      port: options.port,
      host: options.host,
      upstream,
      ...(!options.quiet && { log: (line: string) => eprintln(io, line) }),
    });
  } catch (error) {
    if (error instanceof TypeError) throw usageError(error.message);
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new CliError(`Port ${options.port} on ${options.host} is in use already`, ExitCode.GENERAL);
    if (code === 'EACCES') throw new CliError(`Not allowed to listen on port ${options.port} of ${options.host}`, ExitCode.GENERAL);
    throw error;
  }
  const stopped = new Promise<void>((resolve) => interrupts.onInterrupt(resolve));
  println(io, `pixiv-rx proxy listening on ${server.url}`);
  println(io, `  in the page: new PixivClient({ apiBaseUrl: '${server.url}', oauthBaseUrl: '${server.url}' })`);
  println(
    io,
    options.allowOrigin.length > 0
      ? `  pages allowed: ${options.allowOrigin.join(', ')}`
      : '  no --allow-origin: pages are refused (requests without an Origin, such as <img>, are served)',
  );
  println(io, '  Ctrl-C stops it');
  await stopped;
  await server.close();
  return ExitCode.INTERRUPTED;
}
