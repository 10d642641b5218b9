import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { contentJsonSchema } from '../../src/content/schema.js';

it('schema/content.schema.json is the schema the code validates with (regenerate: riskdeck schema > schema/content.schema.json)', () => {
  const committed = JSON.parse(readFileSync('schema/content.schema.json', 'utf8'));
  expect(committed).toEqual(contentJsonSchema());
});
