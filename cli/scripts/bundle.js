#!/usr/bin/env node
// Bundles the command with esbuild into ES modules: a small entry (the command line, --help,
// --version) and one chunk per command, loaded when that command runs, so that starting the
// command costs little more than starting Node.
//
// `node scripts/bundle.js` writes dist/ for the package: every package import stays an import of
// the installed dependency (pixiv-rx among them). `bundleCli({ library: 'sources' })` is the
// development build (tests, the demo): pixiv-rx comes from the repository's lib/ sources, so it
// runs without a build of the library.
'use strict';
const esbuild = require('esbuild');
const fs = require('node:fs');
const path = require('node:path');

const cliRoot = path.resolve(__dirname, '..');
const repositoryRoot = path.resolve(cliRoot, '..');
const manifest = JSON.parse(fs.readFileSync(path.join(cliRoot, 'package.json'), 'utf8'));

// packages with native code cannot be bundled: they stay imports in both builds
const NATIVE = ['better-sqlite3'];

// the library's public entry points, as the development build resolves them
const LIBRARY_SOURCES = {
  'pixiv-rx': path.join(repositoryRoot, 'lib', 'index.ts'),
  'pixiv-rx/node': path.join(repositoryRoot, 'lib', 'node', 'index.ts'),
  'pixiv-rx/testing': path.join(repositoryRoot, 'lib', 'testing', 'index.ts'),
};

/** The package a bare import names: `@noble/hashes/sha2` → `@noble/hashes`. */
function packageName(specifier) {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/**
 * Resolves the library's entry points: to the installed package (`'package'`) or to lib/
 * (`'sources'`), never through tsconfig.json's paths, and only the public ones.
 */
function library(mode) {
  return {
    name: 'pixiv-rx',
    setup(build) {
      build.onResolve({ filter: /^pixiv-rx(\/.*)?$/ }, (args) => {
        const source = LIBRARY_SOURCES[args.path];
        if (!source) return { errors: [{ text: `${args.path} is not a public entry point of pixiv-rx` }] };
        return mode === 'package' ? { path: args.path, external: true } : { path: source };
      });
    },
  };
}

/**
 * Builds the command into `outdir` (`main.mjs` and its chunks) and resolves with the entry's path.
 * `library: 'package'` keeps every dependency an import (and fails on an import of a package
 * that package.json does not list); `library: 'sources'` bundles pixiv-rx from lib/ and every
 * other package but the native ones.
 */
async function bundleCli({ outdir = path.join(cliRoot, 'dist'), library: mode = 'package', minify = mode === 'package' } = {}) {
  fs.rmSync(outdir, { recursive: true, force: true });
  const result = await esbuild.build({
    absWorkingDir: cliRoot,
    entryPoints: { main: path.join(cliRoot, 'src', 'main.ts') },
    outdir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    minify,
    legalComments: 'none',
    metafile: true,
    logLevel: 'warning',
    tsconfig: path.join(repositoryRoot, 'tsconfig.json'),
    plugins: [library(mode)],
    ...(mode === 'package' ? { packages: 'external' } : { external: NATIVE }),
    // CommonJS code bundled into an ES module (the sources build's) still calls require() for
    // Node's built-ins
    ...(mode === 'sources' && {
      banner: { js: "import { createRequire as __pixivRxRequire } from 'node:module';\nconst require = __pixivRxRequire(import.meta.url);" },
    }),
  });
  if (mode === 'package') {
    const declared = new Set(Object.keys(manifest.dependencies ?? {}));
    const undeclared = new Set();
    for (const output of Object.values(result.metafile.outputs)) {
      for (const { path: specifier, external } of output.imports) {
        if (external && !specifier.startsWith('node:') && !declared.has(packageName(specifier))) undeclared.add(specifier);
      }
    }
    if (undeclared.size > 0) throw new Error(`the command imports packages package.json does not list: ${[...undeclared].join(', ')}`);
  }
  const main = path.join(outdir, 'main.mjs');
  fs.chmodSync(main, 0o755);
  return main;
}

module.exports = { bundleCli };

if (require.main === module) {
  bundleCli().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
