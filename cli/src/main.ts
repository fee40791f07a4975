#!/usr/bin/env node
// The `pixiv-rx` command. `pixiv-rx --version`, which scripts call the most, is answered before
// anything else of the command loads; everything else runs in run-process.ts.
import { packageVersion } from './version';

const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  process.stdout.write(`${packageVersion()}\n`);
} else {
  void import('./run-process').then(({ runProcess }) => runProcess(packageVersion()));
}
