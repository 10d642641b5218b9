/**
 * Imports a module through Node's loader when it is needed: a user's config file, or a large package used
 * rarely (unicode-name, 2.2 MB, only to name a character no font has). The bundled CLI replaces this module
 * (scripts/bundle.mjs) with an import made by its launcher: on Node 20, code compiled through `node:vm` with
 * a code cache cannot call `import()` itself without an experimental flag.
 */
export function importAtRunTime(specifier: string): Promise<unknown> {
  return import(specifier);
}
