import type { ConfigStore } from '../config-store';
import type { Interrupts } from '../interrupts';
import type { CliIo } from '../io';
import type { ConnectionOptions } from '../connection';

/** What every command gets. */
export interface CommandContext {
  readonly io: CliIo;
  readonly store: ConfigStore;
  readonly interrupts: Interrupts;
  /** Hosts to talk to: the hidden `--api-base-url`/`--oauth-base-url` flags or the environment. */
  readonly connection: ConnectionOptions;
}
