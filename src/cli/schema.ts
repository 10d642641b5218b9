import { contentJsonSchema } from '../content/schema.js';
import { type CliDeps, EXIT } from './context.js';

export function runSchema(deps: CliDeps): number {
  deps.stdout(`${JSON.stringify(contentJsonSchema(), null, 2)}\n`);
  return EXIT.ok;
}
