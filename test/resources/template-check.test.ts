import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BUILTIN_TEMPLATES, loadTemplates, templateAssets } from '../../src/resources/templates.js';

let dir: string;
const shown = (path: string) => relative(process.cwd(), join(dir, path));
const put = (path: string, text: string) => {
  mkdirSync(join(dir, path, '..'), { recursive: true });
  writeFileSync(join(dir, path), text);
};

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'riskdeck-tpl-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('template overrides are checked before anything renders with them', () => {
  it('accepts every shipped template as an override (no false alarms)', async () => {
    const files = await loadTemplates(BUILTIN_TEMPLATES);
    expect(files.get('deck/partials/title.hbs')).toContain('{{');
  });

  it('refuses a folder that does not exist', async () => {
    await expect(loadTemplates(join(dir, 'nope'))).rejects.toThrow(/^no templates folder at .*nope; check --templates/);
  });

  it('refuses a misnamed override with the names that exist and the closest one', async () => {
    put('deck/partials/titel.hbs', '<h1>{{title}}</h1>');
    const error = loadTemplates(dir);
    await expect(error).rejects.toThrow(
      `${shown('deck/partials/titel.hbs')}: riskdeck has no template of that name (did you mean deck/partials/title.hbs?)`,
    );
    await expect(loadTemplates(dir)).rejects.toThrow(/deck\/partials can hold .*threat\.hbs.*title\.hbs/);
  });

  it('reports a syntax error at its line and column in the override, not in the shipped file', async () => {
    put('deck/partials/title.hbs', '<section>\n  <h1>{{title</h1>\n</section>\n');
    await expect(loadTemplates(dir)).rejects.toThrow(
      new RegExp(`^${shown('deck/partials/title.hbs')}:2:\\d+  template syntax error: unexpected`),
    );
  });

  it('reports a block that closes the wrong helper at its place', async () => {
    put('deck/partials/title.hbs', '{{#if title}}\n<h1>{{title}}</h1>\n{{/each}}\n');
    await expect(loadTemplates(dir)).rejects.toThrow(
      `${shown('deck/partials/title.hbs')}:1:4  template syntax error: if doesn't match each`,
    );
  });

  it('names the file, line and column of an unknown helper and an unknown partial', async () => {
    put('deck/partials/title.hbs', '<h1>{{title}}</h1>\n<p>{{upper subtitle}}</p>\n{{> badg level=1}}\n');
    const failure = loadTemplates(dir);
    await expect(failure).rejects.toThrow(`${shown('deck/partials/title.hbs')}:2:6  unknown helper "upper"`);
    await expect(loadTemplates(dir)).rejects.toThrow(
      `${shown('deck/partials/title.hbs')}:3:5  unknown partial "badg" (did you mean "badge"?)`,
    );
  });

  it('lists the files of assets/ as assets, not templates', async () => {
    put('assets/logo.png', 'png bytes');
    put('deck/theme.css', 'body { color: red; }');
    expect((await loadTemplates(dir)).get('deck/theme.css')).toBe('body { color: red; }');
    expect(await templateAssets(dir)).toEqual(['assets/logo.png']);
  });
});
