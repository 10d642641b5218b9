import { stat } from 'node:fs/promises';
import { dirname, relative, resolve } from 'node:path';
import { createRebuilder } from '../dev/rebuilder.js';
import { type DevServer, startDevServer } from '../dev/server.js';
import { type DevSettings, displayHost, exposureWarnings, listenError, resolveDevSettings } from '../dev/settings.js';
import { createDebouncer, createWatchers, type Watchers } from '../dev/watch.js';
import { isRiskdeckError, RiskdeckError } from '../errors.js';
import { outputName } from '../pipeline/names.js';
import { prepareOutDir } from '../pipeline/out-dir.js';
import type { BuildOptions } from '../pipeline/plan.js';
import { CONFIG_NAMES, loadConfig } from '../resources/config.js';
import { CONTENT_EXTENSIONS, findContentFiles } from '../resources/source.js';
import { type CliDeps, EXIT, type ParsedArgs } from './context.js';
import { resolveBuildOptions } from './options.js';

const DEBOUNCE_MS = 10;

const isFile = (path: string) =>
  stat(path).then(
    (s) => s.isFile(),
    () => false,
  );

interface Start {
  settings: DevSettings;
  options: BuildOptions;
  files: string[];
  server: DevServer;
}

/** Everything that can fail before serving, as usage errors: flags, config, the files named, listening. */
async function start(args: ParsedArgs, deps: CliDeps): Promise<Start> {
  const { config, path: configPath } = await loadConfig(deps.cwd, args.values.config);
  const settings = await resolveDevSettings(
    {
      port: args.values.port,
      host: args.values.host,
      allowedHosts: args.values['allowed-host'],
      allowAnyHost: args.values['allow-any-host'],
    },
    { allowedHosts: config.allowedHosts, file: configPath && (relative(deps.cwd, configPath) || configPath) },
  );
  const options = await resolveBuildOptions(args, deps);
  for (const named of args.positionals) {
    if (!(await isFile(resolve(deps.cwd, named))))
      throw new RiskdeckError('USAGE', `no content file at ${named}; name an existing .md or .yaml file`);
  }
  const files = args.positionals.length
    ? args.positionals.map((f) => resolve(deps.cwd, f))
    : await findContentFiles(resolve(deps.cwd, options.contentDir ?? 'content'));
  const root = resolve(deps.cwd, options.outDir ?? 'dist');
  await prepareOutDir(root);
  const server = await startDevServer({
    root,
    host: settings.host,
    port: settings.port,
    allowedHosts: settings.allowedHosts,
    allowAnyHost: settings.allowAnyHost,
    onRefused: (reason) => deps.stderr(`riskdeck dev: ${reason}\n`),
  }).catch((error: NodeJS.ErrnoException) => {
    throw listenError(error, settings);
  });
  return { settings, options, files, server };
}

interface Inputs {
  /** Folders whose direct content files are watched. */
  readonly contentDirs: readonly string[];
  readonly isContent: (path: string) => boolean;
  readonly onContent: (path: string) => void;
  readonly templatesDir: string | undefined;
  /** Config files and the theme: a change rebuilds everything with the options read again. */
  readonly settingsFiles: readonly string[];
  readonly onSettings: () => void;
}

/** Watches the content, the templates, the config and the theme (each through its folder). */
async function watchInputs(watchers: Watchers, inputs: Inputs): Promise<void> {
  for (const dir of new Set(inputs.contentDirs)) {
    watchers.folder(dir, (path) => {
      if (inputs.isContent(path) && dirname(path) === dir) inputs.onContent(path);
    });
  }
  if (inputs.templatesDir !== undefined) await watchers.tree(inputs.templatesDir, inputs.onSettings);
  for (const dir of new Set(inputs.settingsFiles.map((f) => dirname(f)))) {
    watchers.folder(dir, (path) => {
      if (inputs.settingsFiles.includes(path)) inputs.onSettings();
    });
  }
}

/** The content files served now: adding one serves it, removing one stops serving its folder. */
function createContentSet(initial: readonly string[], server: DevServer, origin: string, deps: CliDeps) {
  let files = [...initial];
  const display = (file: string) => relative(deps.cwd, file) || file;
  const where = (file: string) => {
    const base = `${origin}/${encodeURIComponent(outputName(file))}/`;
    return `  ${display(file)}: deck ${base}  report ${base}report.pdf\n`;
  };
  const serve = () => server.serve(files.map((file) => ({ name: outputName(file), file: display(file) })));
  serve();
  return {
    files: () => files,
    display,
    where,
    /** Whether `path` is (now) served and should be built; false when it was removed. */
    async changed(path: string): Promise<boolean> {
      if (!(await isFile(path))) {
        if (!files.includes(path)) return false;
        files = files.filter((f) => f !== path);
        serve();
        deps.stdout(`${display(path)} was removed; no longer serving /${outputName(path)}/\n`);
        server.reload(outputName(path));
        return false;
      }
      if (!files.includes(path)) {
        files = [...files, path].sort();
        serve();
        deps.stdout(`now serving ${display(path)}\n${where(path)}`);
      }
      return true;
    },
  };
}

/** Prints where each comparison is served. */
function announce(origin: string, content: ReturnType<typeof createContentSet>, contentDir: string, deps: CliDeps) {
  deps.stdout(`serving ${origin}/ (Ctrl-C to stop)\n`);
  if (content.files().length === 0)
    deps.stdout(`no content files yet: each one saved in ${content.display(contentDir)}/ is built and served\n`);
  for (const file of content.files()) deps.stdout(content.where(file));
}

/** `riskdeck dev`: build, serve, and rebuild what an edit affects until `deps.until` settles. */
export async function runDev(args: ParsedArgs, deps: CliDeps): Promise<number> {
  // Read first: from here on the bin handles a signal (dev cleans up), also one during the first build.
  const stopped = deps.until.then(() => true);
  let started: Start;
  try {
    started = await start(args, deps);
  } catch (error) {
    if (!isRiskdeckError(error)) throw error;
    deps.stderr(`riskdeck dev: ${error.message}\n`);
    return EXIT.usage;
  }
  const { settings, server, options } = started;
  for (const warning of exposureWarnings(settings)) deps.stderr(`warning: ${warning}\n`);
  const origin = `http://${displayHost(settings.host)}:${server.port}`;
  const content = createContentSet(started.files, server, origin, deps);
  const builds = createRebuilder({
    server,
    stdout: deps.stdout,
    stderr: deps.stderr,
    loadOptions: () => resolveBuildOptions(args, deps),
    files: content.files,
    options,
  });
  const debounce = createDebouncer(DEBOUNCE_MS);
  const named = args.positionals.map((f) => resolve(deps.cwd, f));
  const contentDir = resolve(deps.cwd, options.contentDir ?? 'content');
  // Watch before the first build, so that an edit saved while it runs is rebuilt after it.
  const watchers = createWatchers();
  await watchInputs(watchers, {
    contentDirs: named.length > 0 ? named.map((f) => dirname(f)) : [contentDir],
    isContent: (path) => (named.length > 0 ? named.includes(path) : CONTENT_EXTENSIONS.test(path)),
    onContent: (path) =>
      debounce(path, async () => {
        if (await content.changed(path)) await builds.rebuild([path]);
      }),
    templatesDir: options.templatesDir === undefined ? undefined : resolve(deps.cwd, options.templatesDir),
    settingsFiles: [
      ...CONFIG_NAMES.map((name) => resolve(deps.cwd, name)),
      ...(args.values.config === undefined ? [] : [resolve(deps.cwd, args.values.config)]),
      ...(options.theme === undefined ? [] : [resolve(deps.cwd, options.theme)]),
    ],
    onSettings: () => debounce('*', () => builds.rebuild('all')),
  });
  const count = content.files().length;
  deps.stdout(`watching for edits; building ${count === 1 ? '1 comparison' : `${count} comparisons`}\n`);
  const outDir = resolve(deps.cwd, options.outDir ?? 'dist');
  try {
    if (await Promise.race([builds.rebuild('all').then(() => false), stopped])) return EXIT.ok;
    announce(origin, content, contentDir, deps);
    await stopped;
  } finally {
    watchers.close();
    debounce.cancel();
    await builds.close();
    await server.close();
    deps.stdout(`stopped serving ${relative(deps.cwd, outDir) || outDir}\n`);
  }
  return EXIT.ok;
}
