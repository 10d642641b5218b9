#!/usr/bin/env node
// Bundles the CLI and the build worker into lib/bundle/ (what package.json's `bin` runs), then writes V8's
// code cache for each after a build of the example has compiled the functions a build runs, and checks that
// a fresh process takes both caches. Runs as part of `npm run compile`, after tsc (it uses lib/pipeline/).
// Why: loading ~250 ES modules through Node's loader and compiling them cold was a third of a cold build.
// `--no-cache` bundles only; `--metafile` also writes meta.json (esbuild's module sizes), `--sourcemap` a
// source map per bundle (to read CPU profiles by package: bench/profile.mjs); `--out lib/other`
// writes elsewhere (two folders below the clone, as lib/bundle is: the bundle finds package.json at ../../).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import * as esbuild from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    'no-cache': { type: 'boolean', default: false },
    metafile: { type: 'boolean', default: false },
    out: { type: 'string', default: 'lib/bundle' },
    sourcemap: { type: 'boolean', default: false },
  },
});
const out = join(root, values.out);

const src = (path) => join(root, 'src', path);
const requireFromRoot = createRequire(join(root, 'package.json'));

/** Every bundle's `import.meta.url` is its own file's URL, so `new URL('../../templates', …)` still finds the clone. */
const IMPORT_META = 'var __riskdeck_import_meta_url = require("node:url").pathToFileURL(__filename).href;';
/** A package's `__dirname`, found at run time from the bundle's folder (the package may be hoisted elsewhere). */
const DIRNAME = 'var __riskdeck_dirname = (file) => require("node:path").dirname(require.resolve(file));';

/**
 * The few places where the bundle differs from lib/:
 * - one fontkit: pdfkit's `require('fontkit')` gets the caching wrapper (src/fonts/fontkit.ts), which alone
 *   sees fontkit's CommonJS build; under Node's loader fontkit-cjs.ts does the same through `require.cache`;
 * - workers run the bundled worker beside the bundle;
 * - the built-in templates come precompiled (see src/outputs/precompiled.ts);
 * - a config file and unicode-name are imported through the launcher (see src/resources/run-time-import.ts);
 * - packages that read files next to themselves (pdfkit's sRGB profile and AFM metrics) find their own folder.
 */
const bundlePlugin = {
  name: 'riskdeck-bundle',
  setup(build) {
    const fontkitCjs = src('fonts/fontkit-cjs.ts');
    build.onResolve({ filter: /^fontkit$/ }, (args) =>
      args.importer === fontkitCjs
        ? { path: requireFromRoot.resolve('fontkit') }
        : { path: 'fontkit-wrapped', namespace: 'riskdeck' },
    );
    build.onLoad({ filter: /^fontkit-wrapped$/, namespace: 'riskdeck' }, () => ({
      contents: `module.exports = require(${JSON.stringify(src('fonts/fontkit.ts'))}).fontkit;`,
      resolveDir: root,
      loader: 'js',
    }));
    build.onLoad({ filter: /[/\\]src[/\\]fonts[/\\]fontkit-cjs\.ts$/ }, () => ({
      contents: "export const original = require('fontkit');\nexport function replaceRequired() {}\n",
      resolveDir: dirname(fontkitCjs),
      loader: 'js',
    }));
    build.onLoad({ filter: /[/\\]src[/\\]pipeline[/\\]worker-file\.ts$/ }, () => ({
      contents: "export const WORKER_URL = new URL('./worker.cjs', import.meta.url);\n",
      loader: 'js',
    }));
    build.onLoad({ filter: /[/\\]src[/\\]resources[/\\]run-time-import\.ts$/ }, () => ({
      contents: 'export const importAtRunTime = (specifier) => __riskdeck_import(specifier);\n',
      loader: 'js',
    }));
    build.onLoad({ filter: /[/\\]src[/\\]outputs[/\\]precompiled-specs\.ts$/ }, async () => ({
      contents: await precompiledTemplates(),
      loader: 'js',
    }));
    build.onLoad({ filter: /[/\\]node_modules[/\\].*\.c?js$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      if (!/\b__dirname\b/.test(text)) return undefined;
      const inPackage = args.path.slice(args.path.lastIndexOf(`node_modules${sep}`) + 'node_modules/'.length);
      const specifier = JSON.stringify(inPackage.split(sep).join('/'));
      return { contents: text.replace(/\b__dirname\b/g, `__riskdeck_dirname(${specifier})`), loader: 'js' };
    });
  },
};

/** The built-in templates, each precompiled with the options the deck or the report compiles it with. */
async function precompiledTemplates() {
  const lib = (path) => import(pathToFileURL(join(root, 'lib', path)).href);
  const { DECK_COMPILE_OPTIONS } = await lib('outputs/deck/environment.js');
  const { REPORT_COMPILE_OPTIONS } = await lib('outputs/report/template.js');
  const { precompiledKey } = await lib('outputs/precompiled.js');
  const { loadTemplates } = await lib('resources/templates.js');
  const { default: Handlebars } = await import('handlebars');
  const entries = [];
  for (const [path, text] of await loadTemplates()) {
    if (!path.endsWith('.hbs')) continue;
    const options = path.startsWith('deck/') ? DECK_COMPILE_OPTIONS : REPORT_COMPILE_OPTIONS;
    // precompile() writes defaults into the options it is given; compile() works on a copy.
    const spec = Handlebars.create().precompile(text, { ...options });
    entries.push(`[${JSON.stringify(precompiledKey(options, text))}, ${spec}]`);
  }
  return `export const PRECOMPILED = new Map([\n${entries.join(',\n')}\n]);\n`;
}

const shared = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20.19',
  define: { 'import.meta.url': '__riskdeck_import_meta_url' },
  logLevel: 'warning',
  legalComments: 'none',
  // Whitespace and syntax only: names stay, so a --debug trace still names our functions.
  minifyWhitespace: true,
  minifySyntax: true,
};

/** The bundled CLI and worker: run through code-cache.ts, which supplies `require` and `__filename`. */
async function bundleCode() {
  const result = await esbuild.build({
    ...shared,
    entryPoints: { 'bin-code': src('cli/bin.ts'), 'worker-code': src('pipeline/worker.ts') },
    outdir: out,
    outExtension: { '.js': '.cjs' },
    banner: { js: `${IMPORT_META}\n${DIRNAME}` },
    plugins: [bundlePlugin],
    // 2.2 MB of Unicode names, read only to describe a character no font has: loaded by Node when needed.
    // pptxgenjs `import()`s node:fs and node:https on every write, which code compiled from a cache cannot do;
    // loaded by Node (only for `--only pptx`), it can.
    external: ['unicode-name', 'pptxgenjs'],
    metafile: true,
    // For reading CPU profiles of the bundle (not referenced by it; Node does not load it).
    ...(values.sourcemap && { sourcemap: 'external' }),
    write: false,
  });
  for (const file of result.outputFiles) {
    if (file.path.endsWith('.map')) {
      writeFileSync(file.path, file.text);
      continue;
    }
    // The id ties a code cache to the exact text it was made from (V8 itself checks only the length).
    // The #! line of src/cli/bin.ts: the launcher has its own, and inside a function it is a syntax error;
    // as a comment it keeps every line where a source map says it is.
    const text = file.text.replace(/^#!/, '//');
    const id = createHash('sha256').update(text).digest('hex');
    writeFileSync(file.path, `${text}//# riskdeck-bundle ${id}\n`);
  }
  if (values.metafile) writeFileSync(join(out, 'meta.json'), JSON.stringify(result.metafile));
}

/** The two small launchers Node runs directly: `bin` (with its #! line) and each worker's script. */
async function bundleLaunchers() {
  await esbuild.build({
    ...shared,
    entryPoints: { bin: src('cli/launch.ts'), worker: src('pipeline/worker-launch.ts') },
    outdir: out,
    outExtension: { '.js': '.cjs' },
    banner: { js: `#!/usr/bin/env node\n${IMPORT_META}` },
  });
}

/** Writes both caches from a child process that builds the example (see code-cache-train.mjs). */
function writeCaches() {
  const example = join(root, 'content/runc-vs-kata.md');
  const trained = spawnSync(process.execPath, [join(root, 'scripts/code-cache-train.mjs'), example, out], {
    encoding: 'utf8',
  });
  if (trained.status !== 0) return `writing the code cache failed: ${trained.stderr.trim().split('\n')[0]}`;
  // A fresh `riskdeck build` must take both; otherwise they are removed and the bundle compiles as usual.
  const dir = mkdtempSync(join(tmpdir(), 'riskdeck-code-cache-check-'));
  try {
    const checked = spawnSync(process.execPath, [join(out, 'bin.cjs'), 'build', example, '--quiet'], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, RISKDECK_CODE_CACHE_REPORT: '1' },
    });
    const accepted = (checked.stderr.match(/^code cache accepted: /gm) ?? []).length;
    if (checked.status !== 0 || accepted !== 2) return `a fresh process refused the code cache:\n${checked.stderr}`;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  process.stdout.write(trained.stdout);
  return undefined;
}

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
await bundleCode();
await bundleLaunchers();
if (!values['no-cache']) {
  const problem = writeCaches();
  if (problem !== undefined) {
    for (const name of ['bin-code.cjs', 'worker-code.cjs']) rmSync(join(out, `${name}.cache`), { force: true });
    process.stderr.write(`riskdeck bundle: ${problem}; the CLI runs without it (slower start)\n`);
  }
}
process.stdout.write(`riskdeck bundle: ${relative(root, out)}/\n`);
