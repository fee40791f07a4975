import { spawn } from 'node:child_process';

/**
 * Opens `url` in the desktop's browser, best effort: `false` (and nothing else happens) when there
 * is no desktop (no DISPLAY/WAYLAND_DISPLAY on Linux) or the opener cannot be started.
 */
export function openBrowser(url: string, env: NodeJS.ProcessEnv, platform: NodeJS.Platform): boolean {
  const opener = openerFor(url, env, platform);
  if (!opener) return false;
  try {
    const child = spawn(opener.command, opener.args, { detached: true, stdio: 'ignore', windowsHide: true });
    child.on('error', () => undefined);
    child.unref();
    return true;
  } catch {
    return false;
  }
}

function openerFor(
  url: string,
  env: NodeJS.ProcessEnv,
  platform: NodeJS.Platform,
): { command: string; args: string[] } | undefined {
  switch (platform) {
    case 'darwin':
      return { command: 'open', args: [url] };
    case 'win32':
      // not `cmd /c start`: cmd would split the URL at its `&`s
      return { command: 'rundll32', args: ['url.dll,FileProtocolHandler', url] };
    default:
      if (!env.DISPLAY && !env.WAYLAND_DISPLAY) return undefined;
      return { command: 'xdg-open', args: [url] };
  }
}
