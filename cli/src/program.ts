import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { NOVEL_FORMATS, RANKING_MODES, SIZES, UGOIRA_MODES } from './choices';
import type { ArchiveCommandOptions } from './archive/archive-command';
import type { CommandContext } from './commands/context';
import type { DownloadCommandOptions } from './commands/download';
import type { LsOptions } from './commands/ls';
import type { ProxyCommandOptions } from './commands/proxy';
import { REFRESH_TOKEN_ENV } from './config-store';
import { API_BASE_URL_ENV, OAUTH_BASE_URL_ENV, type ConnectionOptions, connectionOptions } from './connection';
import { ExitCode, EXIT_CODES_HELP } from './exit-codes';
import { TARGET_HELP } from './target';

// the template's fields, spelled out here so that --help does not load the template module
const TEMPLATE_FIELDS_HELP = '{id} {page} {ext} {title} {type} {user.id} {user.name} {user.account} {date} {date:YYYY-MM-DD}';

// Each command's module (and with it the library) is imported when that command runs, so that
// `--help`, `--version` and a usage error start in little more than Node's own start time.

/** Everything a run needs but the arguments. */
export type ProgramContext = Omit<CommandContext, 'connection'>;

const ENVIRONMENT_HELP = [
  'Environment:',
  `  ${REFRESH_TOKEN_ENV}   a refresh token; wins over the one \`pixiv-rx login\` stored`,
  '  XDG_CONFIG_HOME       the token is stored in $XDG_CONFIG_HOME/pixiv-rx/ (default ~/.config/pixiv-rx/)',
].join('\n');

function positiveInteger(value: string): number {
  const n = /^\d+$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n) || n < 1) throw new InvalidArgumentError('must be a positive integer');
  return n;
}

function port(value: string): number {
  const n = /^\d+$/.test(value) ? Number(value) : NaN;
  if (!(n >= 0 && n <= 65535)) throw new InvalidArgumentError('must be a port number, 0 to 65535');
  return n;
}

function collect(value: string, previous: readonly string[]): string[] {
  return [...previous, value];
}

function listingOptions(command: Command): Command {
  return command
    .option('-n, --limit <n>', 'at most this many works', positiveInteger)
    .addOption(new Option('--mode <mode>', 'ranking: which list (default: day)').choices(RANKING_MODES))
    .option('--date <YYYY-MM-DD>', 'ranking: the day of the list (default: the latest)')
    .option('--json', 'one JSON object per line', false);
}

/**
 * Runs the command line `argv` (`process.argv`: node and the script first) and resolves with the
 * exit code. Failures reach the caller as thrown errors (see `describeError`), except usage
 * errors found by commander, which it has already printed (exit code 2).
 */
export async function runProgram(argv: readonly string[], context: ProgramContext, version: string): Promise<ExitCode> {
  const { io } = context;
  let exitCode: ExitCode = ExitCode.OK;
  const program = new Command('pixiv-rx');
  const withConnection = (): CommandContext => ({
    ...context,
    connection: connectionOptions(io.env, program.opts<ConnectionOptions>()),
  });

  program
    .description('Download works from Pixiv, from the terminal.')
    .version(version, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .addHelpCommand(false)
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
    })
    // hidden: point the command at a proxy or a test server
    .addOption(new Option('--api-base-url <url>', `API host (or $${API_BASE_URL_ENV})`).hideHelp())
    .addOption(new Option('--oauth-base-url <url>', `OAuth host (or $${OAUTH_BASE_URL_ENV})`).hideHelp())
    .addHelpText('after', `\n${TARGET_HELP}\n\n${ENVIRONMENT_HELP}\n\n${EXIT_CODES_HELP}`);

  program
    .command('login')
    .description('log in with a browser (PKCE) and store the refresh token')
    .option('--no-browser', 'do not try to open a browser; just print the login URL')
    .addHelpText('after', '\nPrints a login URL; paste back the pixiv://account/login?code=… address (or the code).')
    .action(async (options: { browser: boolean }) => {
      const { login } = await import('./commands/login');
      exitCode = await login(withConnection(), options);
    });

  program
    .command('logout')
    .description('forget the stored refresh token')
    .action(async () => {
      const { logout } = await import('./commands/logout');
      exitCode = await logout(withConnection());
    });

  program
    .command('whoami')
    .description('show the account of the refresh token')
    .option('--json', 'the account as JSON', false)
    .action(async (options: { json: boolean }) => {
      const { whoami } = await import('./commands/whoami');
      exitCode = await whoami(withConnection(), options);
    });

  listingOptions(
    program
      .command('download')
      .description('download the works of a target')
      .argument(
        '<target...>',
        'an illustration id or URL, or: user <id>, bookmarks [<id>], ranking, search <word>, following, series <id>, novel <id>, novels <user id>, novel-series <id>',
      )
      .option('-d, --dir <directory>', 'where files go', './downloads')
      .addOption(new Option('-s, --size <size>', 'which image of each page').choices(SIZES).default('original'))
      .option('-c, --concurrency <n>', 'image transfers at once', positiveInteger, 4)
      .option('--overwrite', 'download files that exist already', false)
      .addOption(
        new Option('--ugoira <mode>', 'ugoira as the first frame, the zip of all frames, or an animation (webm and mp4 need ffmpeg)')
          .choices(UGOIRA_MODES)
          .default('frame'),
      )
      .addOption(new Option('--novel-format <format>', 'novels as plain text or Markdown').choices(NOVEL_FORMATS).default('txt'))
      .option('--archive <file>', 'the download archive (default: $XDG_DATA_HOME/pixiv-rx/archive.sqlite)')
      .option('--no-archive', 'neither skip archived works nor record new ones')
      .option('--stop-at-archived', 'stop each listing at its first archived work (incremental syncs)', false)
      .option('--template <template>', `where files go under --dir, e.g. '{user.id}/{id}_p{page}.{ext}'`)
      .option('--write-metadata', 'write <name>.json beside each work', false)
      .option('--no-ai', 'skip AI-generated works')
      .option('--only-ai', 'only AI-generated works', false)
      .option('--no-r18', 'skip R-18 and R-18G works')
      .option('--tag <name>', 'only works with this tag (repeat for any of several)', (tag: string, tags: string[]) => [...tags, tag], [])
      .option('--since <date>', 'only works created on or after this day (YYYY-MM-DD, Japan time) or time')
      .option('--until <date>', 'only works created on or before this day (YYYY-MM-DD, Japan time) or time')
      .option('--min-bookmarks <n>', 'only works with at least this many bookmarks', positiveInteger),
  )
    .addHelpText(
      'after',
      [
        '',
        TARGET_HELP,
        '',
        'Examples:',
        '  pixiv-rx download 123456',
        '  pixiv-rx download user 11 --limit 50 --dir ~/Pictures/pixiv',
        '  pixiv-rx download https://www.pixiv.net/en/artworks/123456',
        '  pixiv-rx download ranking --mode week --date 2025-01-31 -n 20',
        '  pixiv-rx download bookmarks --json > downloaded.jsonl',
        '  pixiv-rx download user 11 --ugoira gif',
        '  pixiv-rx download https://www.pixiv.net/novel/show.php?id=123 --novel-format md',
        '  pixiv-rx download novel-series 22 --novel-format md',
        '  pixiv-rx download https://www.pixiv.net/user/11/series/22',
        "  pixiv-rx download user 11 --stop-at-archived --template '{user.id}/{id}_p{page}.{ext}'",
        '  pixiv-rx download bookmarks --no-ai --no-r18 --tag original --since 2025-01-01 --write-metadata',
        '',
        `Template fields: ${TEMPLATE_FIELDS_HELP}; / makes folders. Every field is made`,
        'safe for every common file system; {id} and {page} are required, and it ends with .{ext}.',
        'Downloaded works are recorded in the archive and skipped next time without an image request,',
        'even when their files were moved (--overwrite downloads them again).',
        '',
        'A single-page work is saved as <dir>/<id>.<ext>, a multi-page one as <dir>/<id>/ with one file',
        'per page, a novel as <dir>/<id>.txt or .md with its images in <dir>/<id>/. Existing files are',
        'skipped (unless --overwrite); files are written to <name>.part and renamed when complete, so',
        'Ctrl-C never leaves a truncated file: run again to resume.',
        '',
        EXIT_CODES_HELP,
      ].join('\n'),
    )
    .action(async (targetArgs: string[], options: DownloadCommandOptions) => {
      const { download } = await import('./commands/download');
      exitCode = await download(withConnection(), targetArgs, options);
    });

  const archive = program.command('archive').description('look in the download archive: stats, ls, forget <id…>');
  const archiveOption = (command: Command): Command =>
    command.option('--archive <file>', 'the download archive (default: $XDG_DATA_HOME/pixiv-rx/archive.sqlite)').option('--json', 'JSON', false);
  archiveOption(archive.command('stats').description('works, files and bytes in the archive')).action(async (options: ArchiveCommandOptions) => {
    const { archiveStats } = await import('./archive/archive-command');
    exitCode = archiveStats(io, options);
  });
  archiveOption(archive.command('ls').description('the archived works, the latest first'))
    .option('-n, --limit <n>', 'at most this many works', positiveInteger)
    .action(async (options: ArchiveCommandOptions) => {
      const { archiveLs } = await import('./archive/archive-command');
      exitCode = archiveLs(io, options);
    });
  archiveOption(archive.command('forget').description('forget works, so that they are downloaded again').argument('<id...>', 'work ids')).action(
    async (ids: string[], options: ArchiveCommandOptions) => {
      const { archiveForget } = await import('./archive/archive-command');
      exitCode = archiveForget(io, ids, options);
    },
  );

  listingOptions(
    program
      .command('ls')
      .description('list the works (id, type, pages, title, artist) or novels of a target without downloading')
      .argument('<target...>', 'as for download'),
  )
    .addHelpText('after', `\n${TARGET_HELP}\n\n${EXIT_CODES_HELP}`)
    .action(async (targetArgs: string[], options: LsOptions) => {
      const { ls } = await import('./commands/ls');
      exitCode = await ls(withConnection(), targetArgs, options);
    });

  program
    .command('proxy')
    .description('serve a proxy that lets a browser app use pixiv-rx (CORS, app headers, image Referer)')
    .option('-p, --port <n>', 'port to listen on (0: a free one)', port, 0)
    .option('--host <address>', 'address to listen on (anything but loopback is reachable from other machines)', '127.0.0.1')
    .option('--allow-origin <origin>', 'a page origin that may use it, e.g. http://localhost:4200 (repeatable)', collect, [])
    .option('-q, --quiet', 'no line per request on stderr', false)
    // hidden: the image host of a test server
    .addOption(new Option('--image-base-url <url>', 'image host to forward to').hideHelp())
    .addHelpText(
      'after',
      [
        '',
        'Example:',
        '  pixiv-rx proxy --port 8787 --allow-origin http://localhost:4200',
        '',
        'Then, in the page: new PixivClient({ apiBaseUrl: url, oauthBaseUrl: url }), and',
        'proxiedImageUrl(url, imageUrl) for <img>. Ctrl-C stops it (exit code 130).',
      ].join('\n'),
    )
    .action(async (options: ProxyCommandOptions) => {
      const { proxy } = await import('./commands/proxy');
      exitCode = await proxy(withConnection(), options);
    });

  try {
    await program.parseAsync([...argv]);
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    // --help and --version end here with exit code 0; a bad command line has been reported already
    return error.exitCode === 0 ? ExitCode.OK : ExitCode.USAGE;
  }
  return exitCode;
}
