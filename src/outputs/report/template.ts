import Handlebars from 'handlebars';
import { RiskdeckError } from '../../errors.js';
import type { TemplateFiles } from '../../resources/templates.js';
import { precompiled } from '../precompiled.js';

type Compiled = (context: unknown) => string;

/** The report's templates, compiled: the body, and the header and footer drawn on every page. */
export interface ReportTemplates {
  readonly body: Compiled;
  readonly header: Compiled;
  readonly footer: Compiled;
}

/** How every report template is compiled (scripts/bundle.mjs precompiles the built-in ones with the same). */
export const REPORT_COMPILE_OPTIONS: CompileOptions = Object.freeze({
  strict: true,
  noEscape: true,
  preventIndent: true,
});

/** Compiled templates by the text of the report's templates, so rebuilds with unchanged templates reuse them. */
const cache = new Map<string, ReportTemplates>();
const CACHE_SIZE = 8;

function templateError(name: string, error: unknown): RiskdeckError {
  const message = error instanceof Error ? error.message.replace(/\s+/g, ' ').trim() : String(error);
  return new RiskdeckError('TEMPLATE_INVALID', `templates/${name}: ${message}`);
}

/**
 * One Handlebars environment per template set. Output is Markdown, not HTML, so nothing is escaped:
 * the values the template sees are slot tokens and numbers, never content text (see slots.ts).
 * Strict mode turns a misspelt field into an error instead of a silently empty report section.
 */
export function compileReportTemplates(files: TemplateFiles): ReportTemplates {
  const key = [...files]
    .filter(([path]) => path.startsWith('report/'))
    .map(([path, text]) => `${path}\u0000${text}`)
    .join('\u0001');
  const cached = cache.get(key);
  if (cached) return cached;
  const env = Handlebars.create();
  for (const [path, text] of files) {
    const partial = /^report\/partials\/(.+)\.hbs$/.exec(path)?.[1];
    // A partial given as text is compiled on first use with its caller's options, which are these.
    if (partial !== undefined) env.registerPartial(partial, precompiled(env, REPORT_COMPILE_OPTIONS, text) ?? text);
  }
  const compile = (name: string): Compiled => {
    const source = files.get(name);
    if (source === undefined) throw new RiskdeckError('TEMPLATE_INVALID', `templates/${name} is missing`);
    // Compilation is lazy: syntax errors surface on the first call, with the template's name.
    const template = precompiled(env, REPORT_COMPILE_OPTIONS, source) ?? env.compile(source, REPORT_COMPILE_OPTIONS);
    return (context) => {
      try {
        return template(context);
      } catch (error) {
        throw templateError(name, error);
      }
    };
  };
  const templates = {
    body: compile('report/report.hbs'),
    header: compile('report/header.hbs'),
    footer: compile('report/footer.hbs'),
  };
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  cache.set(key, templates);
  return templates;
}
