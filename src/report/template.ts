import Handlebars from 'handlebars';
import { RiskdeckError } from '../errors.js';
import type { TemplateFiles } from '../templates.js';

type Compiled = (context: unknown) => string;

/** The report's templates, compiled: the body, and the header and footer drawn on every page. */
export interface ReportTemplates {
  readonly body: Compiled;
  readonly header: Compiled;
  readonly footer: Compiled;
}

const cache = new WeakMap<TemplateFiles, ReportTemplates>();

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
  const cached = cache.get(files);
  if (cached) return cached;
  const env = Handlebars.create();
  for (const [path, text] of files) {
    const partial = /^report\/partials\/(.+)\.hbs$/.exec(path)?.[1];
    if (partial !== undefined) env.registerPartial(partial, text);
  }
  const compile = (name: string): Compiled => {
    const source = files.get(name);
    if (source === undefined) throw new RiskdeckError('TEMPLATE_INVALID', `templates/${name} is missing`);
    // Compilation is lazy: syntax errors surface on the first call, with the template's name.
    const template = env.compile(source, { strict: true, noEscape: true, preventIndent: true });
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
  cache.set(files, templates);
  return templates;
}
