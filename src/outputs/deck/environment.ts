import Handlebars from 'handlebars';
import { RiskdeckError } from '../../errors.js';
import type { TemplateFiles } from '../../resources/templates.js';
import { precompiled } from '../precompiled.js';

const PARTIAL = /^deck\/partials\/([a-z0-9-]+)\.hbs$/;

/** The helpers every deck template may use; the only place they are registered. */
function registerHelpers(env: typeof Handlebars) {
  // Joins plain strings (escaped) and rendered HTML (kept) with a plain separator.
  env.registerHelper('join', (items: unknown, separator: unknown) => {
    const list = Array.isArray(items) ? items : [];
    const sep = typeof separator === 'string' ? separator : ', ';
    const parts = list.map((item) =>
      item instanceof Handlebars.SafeString ? item.toHTML() : env.escapeExpression(String(item)),
    );
    return new Handlebars.SafeString(parts.join(env.escapeExpression(sep)));
  });
}

/** How every deck template is compiled (scripts/bundle.mjs precompiles the built-in ones with the same). */
export const DECK_COMPILE_OPTIONS: CompileOptions = Object.freeze({ preventIndent: true });

function compile(env: typeof Handlebars, path: string, source: string): HandlebarsTemplateDelegate {
  const ready = precompiled(env, DECK_COMPILE_OPTIONS, source);
  if (ready) return ready;
  try {
    env.parse(source);
  } catch (error) {
    throw new RiskdeckError('TEMPLATE_INVALID', `templates/${path}: ${(error as Error).message}`);
  }
  return env.compile(source, DECK_COMPILE_OPTIONS);
}

/**
 * Compiled decks by the text of their templates: a rebuild with unchanged templates (every content edit
 * in `riskdeck dev`) reuses the compiled functions, which cost about 90 ms to make.
 */
const cache = new Map<string, (view: object) => string>();
const CACHE_SIZE = 8;

function cacheKey(files: TemplateFiles): string {
  return [...files]
    .filter(([path]) => path.startsWith('deck/'))
    .map(([path, text]) => `${path}\u0000${text}`)
    .join('\u0001');
}

/**
 * The deck's layout with every `deck/partials/*.hbs` registered as a partial, in an environment of its own.
 * Only template files are ever compiled; content reaches templates as data.
 */
export function deckTemplate(files: TemplateFiles): (view: object) => string {
  const key = cacheKey(files);
  const cached = cache.get(key);
  if (cached) return cached;
  const env = Handlebars.create();
  registerHelpers(env);
  for (const [path, source] of files) {
    const name = PARTIAL.exec(path)?.[1];
    if (name !== undefined) env.registerPartial(name, compile(env, path, source));
  }
  const source = files.get('deck/layout.hbs');
  if (source === undefined) throw new RiskdeckError('TEMPLATE_INVALID', 'templates/deck/layout.hbs is missing');
  const layout = compile(env, 'deck/layout.hbs', source);
  const render = (view: object) => {
    try {
      return layout(view);
    } catch (error) {
      throw new RiskdeckError('TEMPLATE_INVALID', `templates/deck: ${(error as Error).message}`);
    }
  };
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  cache.set(key, render);
  return render;
}
