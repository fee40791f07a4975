/** Options of {@link bundleCli}. */
export interface BundleOptions {
  /** @default cli/dist */
  readonly outdir?: string;
  /**
   * `'package'`: every dependency stays an import; `'sources'`: pixiv-rx is bundled from lib/.
   * @default 'package'
   */
  readonly library?: 'package' | 'sources';
  /** @default true for the package build */
  readonly minify?: boolean;
}

/** Bundles the command into `outdir`; resolves with the path of its entry, `main.mjs`. */
export function bundleCli(options?: BundleOptions): Promise<string>;
