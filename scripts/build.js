#!/usr/bin/env node
// Builds dist/esm (ES modules) and dist/cjs (CommonJS), each with its declarations, from lib/.
//
// Every entry point of package.json (`exports`, `bin`) is one esbuild bundle, so that loading
// pixiv-rx reads a handful of files instead of one per source module: the entries share their
// common code through chunks (one PixivError class, one client, whichever entry loaded it first),
// those that both pixiv-rx and pixiv-rx/node load merged into one (`mergeSharedChunks`), built
// once as ES modules and then turned file by file into CommonJS with the same layout.
// rxjs (the peer dependency) and axios (loaded at the first API request, never when the user gave
// an instance) stay external, like every dependency that is CommonJS only; io-ts, fp-ts and
// @noble/hashes are bundled from their ES builds, so only what pixiv-rx uses of them is loaded.
// The CommonJS build takes rxjs from a facade (`rxjsFacade`): the index when the application has
// loaded it, else the rxjs modules pixiv-rx uses, one by one (71 of rxjs' 223 modules;
// bench/RESULTS.md). The ES build imports that same facade (`esmRxjsFacade`), as a CommonJS
// module: an import() of rxjs module by module would wrap each of those CommonJS modules as an
// ES module, which costs more than it saves once the application has loaded rxjs itself. A
// browser bundle takes rxjs' index instead ("browser" field), which tree-shakes.
// Whatever lib/ holds is built as long as an entry reaches it.
'use strict';
const { execFileSync } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const esbuild = require('esbuild');

const root = path.resolve(__dirname, '..');
// `node scripts/build.js DIR` builds into DIR instead (e.g. to measure a variant beside dist/)
const dist = process.argv[2] ? path.resolve(process.argv[2]) : path.join(root, 'dist');
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));

/** Dependencies bundled into dist/ (ES builds, tree-shaken); every other one stays a require/import. */
const BUNDLED = new Set(['io-ts', 'fp-ts', '@noble/hashes']);
/**
 * The package's own conditional imports (package.json "imports"), for the default transport of API
 * calls: node:http under Node, axios anywhere else. In the repository they resolve to lib/ (for
 * ts-node, TypeScript and bundlers reading the sources). In dist/ the import names the Node module
 * by its relative path, which Node follows, and package.json's "browser" field swaps that file for
 * the other one, as every browser bundler does (webpack, esbuild, Vite, Rollup, Metro): a nested
 * package.json could not carry "imports" for both.
 * @type {Record<string, { node: string, default: string }>}
 */
const PACKAGE_IMPORTS = Object.fromEntries(
  Object.entries(manifest.imports ?? {}).map(([name, conditions]) => [
    name,
    { node: builtPath(conditions.node), default: builtPath(conditions.default) },
  ]),
);

/** `./lib/node/http/default-transport.ts` → `node/http/default-transport.js` (under dist/esm or dist/cjs). */
function builtPath(source) {
  const match = /^\.\/lib\/(.+)\.ts$/.exec(source ?? '');
  if (!match) throw new Error(`package.json "imports" must name lib/ sources, got ${source}`);
  return `${match[1]}.js`;
}

/** The "browser" entries the build needs, checked against package.json so that the two never drift. */
function checkBrowserField() {
  const missing = [];
  const swaps = Object.values(PACKAGE_IMPORTS).flatMap(({ node, default: other }) =>
    ['esm', 'cjs'].map((format) => [`./dist/${format}/${node}`, `./dist/${format}/${other}`]),
  );
  swaps.push([`./dist/esm/${RXJS_FACADE}`, `./dist/esm/${RXJS_INDEX}`]);
  for (const [from, to] of swaps) {
    if (manifest.browser?.[from] !== to) missing.push(`"${from}": "${to}"`);
  }
  if (missing.length > 0) throw new Error(`package.json "browser" must map ${missing.join(', ')}`);
}

/** How `file` names `target` in an import: `./x.js`, `../chunks/x.js`, with forward slashes. */
function relativeSpecifier(file, target) {
  const relative = path.relative(path.dirname(file), target).split(path.sep).join('/');
  return relative.startsWith('.') ? relative : `./${relative}`;
}

/** Each `import("#name")` in a built ES module becomes the relative path of its Node module. */
function resolvePackageImports(esm) {
  replaceSpecifiers(esm, (file) =>
    Object.entries(PACKAGE_IMPORTS).map(([name, { node }]) => [name, relativeSpecifier(file, path.join(esm, node))]),
  );
}

/**
 * In every built ES module under `esm`, each quoted specifier `from` of `pairsFor(file)` becomes
 * its `to` (exact string literals only: `"#name"`, `"./chunks/chunk-X.js"`).
 * @param {string} esm
 * @param {(file: string) => Array<[string, string]>} pairsFor
 */
function replaceSpecifiers(esm, pairsFor) {
  for (const file of walk(esm)) {
    if (!file.endsWith('.js')) continue;
    const source = fs.readFileSync(file, 'utf8');
    let fixed = source;
    for (const [from, to] of pairsFor(file)) fixed = fixed.split(JSON.stringify(from)).join(JSON.stringify(to));
    if (fixed !== source) fs.writeFileSync(file, fixed);
  }
}
/**
 * Where each name of rxjs' index comes from, read from the index of its ES build
 * (`export { mergeMap } from './internal/operators/mergeMap';`): `mergeMap` →
 * `rxjs/internal/operators/mergeMap`, a path rxjs exports (`"./internal/*"`) with the same
 * conditions as its index, so that both always name the same build of a module.
 * @returns {Map<string, string>}
 */
function rxjsModules() {
  const rxjsRoot = path.dirname(require.resolve('rxjs/package.json'));
  const index = fs.readFileSync(path.join(rxjsRoot, 'dist', 'esm', 'index.js'), 'utf8');
  const modules = new Map();
  for (const [, names, from] of index.matchAll(/^export \{([^}]*)\} from '\.\/(internal\/[^']+)';$/gm)) {
    for (const name of names.split(',').map((part) => part.trim()).filter(Boolean)) modules.set(name, `rxjs/${from}`);
  }
  if (!modules.has('Observable')) throw new Error(`no exports found in ${path.join(rxjsRoot, 'dist', 'esm', 'index.js')}`);
  return modules;
}

/** The rxjs of each build, beside its chunks: the CommonJS facade ({@link rxjsFacade}) and the ES one over it. */
const RXJS_FACADE = 'chunks/rxjs.js';

/**
 * The CommonJS module every file of the build takes rxjs from (the ES ones through
 * {@link esmRxjsFacade}): rxjs' index when the application has loaded it already (one cached
 * `require`), else only the modules of the names pixiv-rx uses, one by one. Requiring those deep
 * paths costs a resolution each (about 0.2 ms), which is worth it only when they are not loaded
 * yet. Either way they are the same files, so an `Observable` is the application's `Observable`,
 * whichever of the two loaded first. Where `require` has no `resolve` or `cache` (a bundle), the
 * facade is the index.
 * @param {Set<string>} names every name the build imports from rxjs
 * @param {Map<string, string>} modules
 */
function rxjsFacade(names, modules) {
  /** @type {Map<string, string[]>} */
  const byModule = new Map();
  for (const name of [...names].sort()) {
    const from = modules.get(name);
    if (!from) throw new Error(`rxjs' index exports no ${name}`);
    byModule.set(from, [...(byModule.get(from) ?? []), name]);
  }
  const deep = [...byModule].map(([from, list], i) => {
    const local = `m${i}`;
    return { require: `  const ${local} = require(${JSON.stringify(from)});`, exports: list.map((name) => `${name}: ${local}.${name}`) };
  });
  return [
    "'use strict';",
    '// rxjs for the CommonJS build and, through dist/esm/chunks/rxjs.js, the ES build: its index when',
    "// the application has loaded it, else the modules of the names pixiv-rx uses (scripts/build.js, rxjsFacade)",
    // a bundler (a CommonJS app bundled for a browser) may give no require.resolve or cache: the index then
    "if (typeof require.resolve !== 'function' || !require.cache || require.cache[require.resolve('rxjs')]) {",
    "  module.exports = require('rxjs');",
    '} else {',
    ...deep.map((entry) => entry.require),
    `  module.exports = { ${deep.flatMap((entry) => entry.exports).join(', ')} };`,
    '}',
    '',
  ].join('\n');
}

/** The ES build's rxjs in a browser bundle (package.json "browser" maps the facade to it): rxjs' index. */
const RXJS_INDEX = 'chunks/rxjs-index.js';

/**
 * The ES module every ES module of the build takes rxjs from: the CommonJS facade beside it
 * ({@link rxjsFacade}), imported as a CommonJS module, so that both builds take rxjs the same way
 * and an `Observable` is the application's either way. Under Node, `import('pixiv-rx')` then loads
 * the 71 rxjs modules pixiv-rx uses, not the 223 of the index and their ES module wrapper (about
 * 30 ms of a 115 ms start under Node 20), and after the application's own import of rxjs it costs
 * one cached `require`. A bundle for Node bundles the facade with the rxjs it requires (rxjs' Node
 * build, which is what an application's import of rxjs gets there too); a bundle for a browser
 * takes {@link RXJS_INDEX} instead (package.json "browser"), rxjs' ES index, which tree-shakes.
 * @param {Set<string>} names every name the build imports from rxjs
 */
function esmRxjsFacade(names) {
  return [
    "// rxjs for the ES build: the CommonJS build's facade, which gives rxjs' index when the",
    '// application has loaded it, else the modules of the names pixiv-rx uses; in a browser bundle',
    '// rxjs-index.js instead (package.json "browser"; scripts/build.js, esmRxjsFacade)',
    `import rxjs from ${JSON.stringify(relativeSpecifier(`esm/${RXJS_FACADE}`, `cjs/${RXJS_FACADE}`))};`,
    `export const { ${[...names].sort().join(', ')} } = rxjs;`,
    '',
  ].join('\n');
}

/**
 * In a built ES module, `from "rxjs"` → `from "<relative path of the facade>"`, collecting the
 * names imported. Fails on any other form of import of rxjs.
 * @param {string} source
 * @param {string} file the module's path under dist/esm
 * @param {string} esm dist/esm
 * @param {Set<string>} names
 */
function importRxjsFacade(source, file, esm, names) {
  const relative = relativeSpecifier(file, path.join(esm, RXJS_FACADE));
  const rewritten = source.replace(/import\s*\{([^}]*)\}\s*from\s*"rxjs";/g, (_, list) => {
    for (const specifier of list.split(',').map((part) => part.trim()).filter(Boolean)) names.add(specifier.split(/\s+as\s+/)[0]);
    return `import {${list}} from ${JSON.stringify(relative)};`;
  });
  if (/["']rxjs["']/.test(rewritten)) throw new Error(`${file}: an import of rxjs that is not \`import { … } from "rxjs"\``);
  return rewritten;
}

/** The line esbuild writes before the code of each source file in a bundle: `// lib/errors.ts`. */
const SOURCE_MARKER = /^\/\/ ((?:lib|node_modules)\/\S+)$/gm;
/** A source marker as `mergeSharedChunks` keeps it through its second bundling: `//! lib/errors.ts`. */
const KEPT_MARKER = /^\/\/! ((?:lib|node_modules)\/\S+)$/gm;

/** The entry points every application loads first: pixiv-rx and pixiv-rx/node. */
const MAIN_ENTRIES = ['index.js', 'node/index.js'];

/**
 * The chunks that both main entries load, as one file. esbuild puts each module in the chunk of
 * the set of entries that reach it, so the code pixiv-rx and pixiv-rx/node share (errors,
 * models, the novel renderer, the request headers…) came as four chunks, each also reached by a
 * different other entry (pixiv-rx/angular, pixiv-rx/testing, the proxy). An ES module costs its
 * own resolution, read and link (about 0.2 ms each under Node 20, as much again for the
 * CommonJS build's `require`), so loading pixiv-rx read six files where three do. The merged
 * chunk is bundled from those chunks (every other file, package and built-in stays an import),
 * and every file that imported one of them imports it instead: an entry that needs only part of
 * it (the proxy, pixiv-rx/testing) loads all of it.
 * @param {string} esm dist/esm
 * @param {import('esbuild').Metafile} metafile the ES build's
 */
async function mergeSharedChunks(esm, metafile) {
  const outputs = Object.fromEntries(Object.entries(metafile.outputs).map(([file, output]) => [path.resolve(root, file), output]));
  const staticClosure = (/** @type {string} */ file, seen = new Set()) => {
    for (const { path: target, kind } of outputs[file]?.imports ?? []) {
      const full = path.resolve(root, target);
      if (kind === 'import-statement' && !seen.has(full) && outputs[full]) staticClosure(full, seen.add(full));
    }
    return seen;
  };
  const [first, ...others] = MAIN_ENTRIES.map((entry) => staticClosure(path.join(esm, entry)));
  const shared = [...first].filter((file) => others.every((closure) => closure.has(file)) && !outputs[file].entryPoint).sort();
  if (shared.length < 2) return;
  const names = new Map();
  for (const file of shared) {
    for (const name of outputs[file].exports) {
      if (names.has(name)) throw new Error(`${names.get(name)} and ${file} both export ${name}: cannot merge them`);
      names.set(name, file);
    }
  }
  const chunks = path.dirname(shared[0]);
  if (shared.some((file) => path.dirname(file) !== chunks)) throw new Error(`the shared chunks are not in one folder: ${shared.join(', ')}`);
  const members = new Set(shared);
  const { outputFiles } = await esbuild.build({
    stdin: { contents: shared.map((file) => `export * from "./${path.basename(file)}";`).join('\n'), resolveDir: chunks, sourcefile: 'shared.js' },
    absWorkingDir: esm,
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'node',
    target: TARGET,
    // statement-level legal comments stay where they are: the `// lib/…` lines that tell which
    // source each part of a chunk comes from are kept that way (SOURCE_MARKER)
    legalComments: 'inline',
    logLevel: 'warning',
    plugins: [
      {
        name: 'other-files-stay-imports',
        setup(build) {
          build.onResolve({ filter: /.*/ }, (args) => {
            if (!args.path.startsWith('.')) return { path: args.path, external: true };
            const full = path.resolve(args.resolveDir, args.path);
            return members.has(full) ? { path: full } : { path: args.path, external: true };
          });
          build.onLoad({ filter: /\.js$/ }, (args) => ({
            contents: fs.readFileSync(args.path, 'utf8').replace(SOURCE_MARKER, '//! $1'),
            loader: 'js',
          }));
        },
      },
    ],
  });
  // esbuild's own line before each chunk names a file that is gone: the source markers say more
  const chunkMarkers = new Set(shared.map((file) => `// ${path.relative(esm, file).split(path.sep).join('/')}`));
  const code = outputFiles[0].text
    .split('\n')
    .filter((line) => !chunkMarkers.has(line))
    .join('\n')
    .replace(KEPT_MARKER, '// $1');
  const hash = crypto.createHash('sha256').update(code).digest('hex').slice(0, 8).toUpperCase();
  const merged = path.join(chunks, `shared-${hash}.js`);
  fs.writeFileSync(merged, code);
  for (const file of shared) fs.rmSync(file);
  replaceSpecifiers(esm, (file) => shared.map((chunk) => [relativeSpecifier(file, chunk), relativeSpecifier(file, merged)]));
}

/** The language level of the output, as tsconfig.json's `target`. */
const TARGET = 'es2022';

function walk(dir, out = []) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, out);
    else out.push(full);
  }
  return out;
}

/** The lib/ source of every built file that package.json points at: `./dist/esm/node/index.js` → `lib/node/index.ts`. */
function entryPoints() {
  const targets = [];
  const visit = (value) => {
    if (typeof value === 'string') targets.push(value);
    else if (value && typeof value === 'object') Object.values(value).forEach(visit);
  };
  visit(manifest.exports);
  visit(manifest.bin);
  visit(manifest.main);
  visit(manifest.module);
  const entries = new Set();
  for (const target of targets) {
    const match = /^\.\/dist\/(?:cjs|esm)\/(.+)\.js$/.exec(target);
    if (!match) continue;
    const source = path.join(root, 'lib', `${match[1]}.ts`);
    if (fs.existsSync(source)) entries.add(source);
  }
  if (entries.size === 0) throw new Error('package.json names no entry point under dist/');
  // the modules package.json "imports" names, as the sources they are (builtPath checked their form)
  for (const target of Object.values(manifest.imports ?? {}).flatMap((conditions) => Object.values(conditions))) {
    const source = path.join(root, target);
    if (!fs.existsSync(source)) throw new Error(`package.json "imports" names ${target}, which does not exist`);
    entries.add(source);
  }
  return [...entries].sort();
}

const external = [
  'node:*',
  ...Object.keys(PACKAGE_IMPORTS),
  ...Object.keys({ ...manifest.dependencies, ...manifest.peerDependencies })
    .filter((name) => !BUNDLED.has(name))
    .flatMap((name) => [name, `${name}/*`]),
];

function tsc(...args) {
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', path.join(root, 'tsconfig.build.json'), ...args], {
    stdio: 'inherit',
  });
}

async function main() {
  checkBrowserField();
  fs.rmSync(dist, { recursive: true, force: true });
  const esm = path.join(dist, 'esm');
  const cjs = path.join(dist, 'cjs');

  const { metafile } = await esbuild.build({
    entryPoints: entryPoints(),
    outbase: path.join(root, 'lib'),
    outdir: esm,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: TARGET,
    // the ES builds of the bundled dependencies (io-ts, fp-ts), which tree-shake
    mainFields: ['module', 'main'],
    external,
    chunkNames: 'chunks/[name]-[hash]',
    legalComments: 'eof',
    logLevel: 'warning',
    metafile: true,
  });

  resolvePackageImports(esm);
  await mergeSharedChunks(esm, metafile);

  // the same files as CommonJS: `import`/`export` become `require`/`exports`, `import()` of an
  // external package a `require` on first use (Node's CommonJS loader, no ES module graph), and
  // rxjs comes through the facade
  const rxjsNames = new Set();
  for (const file of walk(esm)) {
    if (!file.endsWith('.js')) continue;
    const source = importRxjsFacade(fs.readFileSync(file, 'utf8'), file, esm, rxjsNames);
    const { code } = await esbuild.transform(source, {
      format: 'cjs',
      target: TARGET,
      platform: 'node',
      supported: { 'dynamic-import': false },
      sourcefile: path.relative(root, file),
      logLevel: 'warning',
    });
    const out = path.join(cjs, path.relative(esm, file));
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, code);
  }

  fs.writeFileSync(path.join(cjs, RXJS_FACADE), rxjsFacade(rxjsNames, rxjsModules()));
  fs.writeFileSync(path.join(cjs, 'package.json'), '{ "type": "commonjs" }\n');
  // then the ES build takes rxjs from its own facade too
  replaceSpecifiers(esm, (file) => [['rxjs', relativeSpecifier(file, path.join(esm, RXJS_FACADE))]]);
  fs.writeFileSync(path.join(esm, RXJS_FACADE), esmRxjsFacade(rxjsNames));
  fs.writeFileSync(path.join(esm, RXJS_INDEX), `export { ${[...rxjsNames].sort().join(', ')} } from 'rxjs';\n`);
  fs.writeFileSync(path.join(esm, 'package.json'), '{ "type": "module" }\n');
  for (const bin of Object.values(typeof manifest.bin === 'string' ? { bin: manifest.bin } : (manifest.bin ?? {}))) {
    const file = path.join(dist, path.relative('dist', bin));
    if (fs.existsSync(file)) fs.chmodSync(file, 0o755);
  }

  // last: tsc writes the declarations even when lib/ has type errors, and then fails the build.
  // Each format gets its own copy beside its code, so that TypeScript reads the `import` types as
  // ES module declarations (dist/esm/package.json says "module") and the `require` ones as
  // CommonJS: one shared copy would be CommonJS to both, and default imports would be ambiguous.
  let failure;
  for (const dir of [cjs, esm]) {
    try {
      tsc('--declaration', '--emitDeclarationOnly', '--outDir', dir);
    } catch (error) {
      failure ??= error;
    }
  }
  for (const file of walk(esm)) if (file.endsWith('.d.ts')) fullySpecifyDeclarations(file);
  if (failure) throw failure;
}

/**
 * ES module declarations need full relative specifiers, as ES modules do: `'./http/request'` →
 * `'./http/request.js'`, `'./models'` → `'./models/index.js'` (TypeScript maps `.js` back to the
 * `.d.ts` beside it).
 */
function fullySpecifyDeclarations(file) {
  const source = fs.readFileSync(file, 'utf8');
  const fixed = source.replace(
    /(\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)(['"])(\.{1,2}(?:\/[^'"]*)?)\2/g,
    (match, lead, quote, spec) => {
      if (/\.(m?js|json)$/.test(spec)) return match;
      const base = path.resolve(path.dirname(file), spec);
      if (!/\.{1,2}$/.test(spec) && fs.existsSync(`${base}.d.ts`)) return `${lead}${quote}${spec}.js${quote}`;
      if (fs.existsSync(path.join(base, 'index.d.ts'))) return `${lead}${quote}${spec}/index.js${quote}`;
      throw new Error(`cannot resolve ${spec} from ${file}`);
    },
  );
  if (fixed !== source) fs.writeFileSync(file, fixed);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
