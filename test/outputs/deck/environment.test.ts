import Handlebars from 'handlebars';
import { describe, expect, it } from 'vitest';
import { deckTemplate } from '../../../src/outputs/deck/environment.js';
import type { TemplateFiles } from '../../../src/resources/templates.js';

/** Templates as a folder of overrides would give them; each test uses its own text, so none is cached. */
const templates = (layout: string, partials: Record<string, string> = {}): TemplateFiles =>
  new Map([
    ['deck/layout.hbs', layout],
    ...Object.entries(partials).map(([name, text]) => [`deck/partials/${name}.hbs`, text] as [string, string]),
    ['report/report.hbs', '{{not a deck template'],
  ]);

describe('the deck template environment', () => {
  it('joins plain strings escaped, with an escaped separator', () => {
    const render = deckTemplate(templates('[{{join items sep}}]'));
    expect(render({ items: ['<b>a</b>', '"b" & \'c\''], sep: ' <&> ' })).toBe(
      '[&lt;b&gt;a&lt;/b&gt; &lt;&amp;&gt; &quot;b&quot; &amp; &#x27;c&#x27;]',
    );
  });

  it('keeps rendered HTML among the items as HTML, and escapes the plain strings beside it', () => {
    const render = deckTemplate(templates('[{{join items " | "}}]'));
    expect(render({ items: [new Handlebars.SafeString('<em>a</em>'), '<em>b</em>'] })).toBe(
      '[<em>a</em> | &lt;em&gt;b&lt;/em&gt;]',
    );
  });

  it('joins with ", " by default, an empty list as nothing, and a non-list as nothing', () => {
    const render = deckTemplate(templates('[{{join items}}]'));
    expect(render({ items: ['a', 'b', 3] })).toBe('[a, b, 3]');
    expect(render({ items: [] })).toBe('[]');
    expect(render({ items: '<b>x</b>' })).toBe('[]');
    expect(deckTemplate(templates('[{{join items 7}}]'))({ items: ['a', 'b'] })).toBe('[a, b]');
  });

  it('escapes every value of content in a partial, and renders partials by name', () => {
    const render = deckTemplate(
      templates('{{> cover}}|{{> (lookup . "kind")}}', { cover: '<p>{{title}}</p>', x: 'X{{title}}' }),
    );
    expect(render({ title: '<script>alert(1)</script>', kind: 'x' })).toBe(
      '<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>|X&lt;script&gt;alert(1)&lt;/script&gt;',
    );
  });

  it('does not indent partial output (pre blocks stay as written)', () => {
    const render = deckTemplate(templates('<div>\n  {{> block}}\n</div>', { block: 'a\nb\n' }));
    expect(render({})).toBe('<div>\n  a\nb\n</div>');
  });

  it('names the template that does not parse', () => {
    expect(() => deckTemplate(templates('{{#if}}'))).toThrow(/^templates\/deck\/layout\.hbs: /);
    expect(() => deckTemplate(templates('ok', { broken: '{{#each}}' }))).toThrow(
      /^templates\/deck\/partials\/broken\.hbs: /,
    );
    expect(() => deckTemplate(new Map([['deck/partials/x.hbs', 'x']]))).toThrow('templates/deck/layout.hbs is missing');
  });

  // The code is what makes the CLI answer with one line and the exit code of a template error.
  it('throws template errors as TEMPLATE_INVALID, whether at compiling, at a missing layout or at rendering', () => {
    const code = (f: () => unknown) => {
      try {
        f();
      } catch (error) {
        return (error as { code?: string }).code;
      }
      return 'no error';
    };
    expect(code(() => deckTemplate(templates('{{#if}}')))).toBe('TEMPLATE_INVALID');
    expect(code(() => deckTemplate(new Map([['deck/partials/x.hbs', 'x']])))).toBe('TEMPLATE_INVALID');
    expect(code(() => deckTemplate(templates('{{> absent}}'))({}))).toBe('TEMPLATE_INVALID');
  });

  it('reports a template that fails while rendering as a template error', () => {
    const render = deckTemplate(templates('{{> missing}}'));
    expect(() => render({})).toThrow(/^templates\/deck: .*missing/);
  });

  it('ignores files that are not deck partials', () => {
    const render = deckTemplate(
      new Map([
        ['deck/layout.hbs', '{{> notes}}'],
        ['deck/partials/notes.hbs', 'N'],
        ['deck/partials/Bad Name.hbs', '{{#if}}'],
        ['deck/other/notes.hbs', '{{#if}}'],
      ]),
    );
    expect(render({})).toBe('N');
  });

  it('reuses a compiled deck for the same templates, and compiles anew when one changes', () => {
    const first = deckTemplate(templates('cached {{x}}'));
    expect(deckTemplate(templates('cached {{x}}'))).toBe(first);
    expect(deckTemplate(new Map([...templates('cached {{x}}'), ['report/report.hbs', 'other']]))).toBe(first);
    expect(deckTemplate(templates('cached! {{x}}'))).not.toBe(first);
  });
});
