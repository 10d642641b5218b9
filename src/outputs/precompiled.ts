import type Handlebars from 'handlebars';
import { PRECOMPILED } from './precompiled-specs.js';

/*
 * Handlebars compiles a template into JavaScript and then into a function when first rendered (~60 ms for the
 * built-in templates on a cold build, and code that no V8 code cache can hold). The bundled CLI carries the
 * built-in templates precompiled by `Handlebars.precompile` at `npm run compile`, keyed by the options and the
 * exact text, so that a template someone overrides or edits is compiled as before.
 */

/** The key of a template's text compiled with `options`: equal keys give the same compiled code. */
export function precompiledKey(options: CompileOptions, source: string): string {
  return `${JSON.stringify(options)}\u0000${source}`;
}

/** The template precompiled for this text and these options, made a function of `env`, if there is one. */
export function precompiled(
  env: typeof Handlebars,
  options: CompileOptions,
  source: string,
): HandlebarsTemplateDelegate | undefined {
  const spec = PRECOMPILED.get(precompiledKey(options, source));
  return spec === undefined ? undefined : env.template(spec);
}
