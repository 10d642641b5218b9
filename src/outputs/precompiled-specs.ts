/**
 * Built-in templates precompiled by key (see precompiled.ts). Empty here; the bundled CLI replaces this
 * module (scripts/bundle.mjs) with the specs `Handlebars.precompile` makes at `npm run compile`.
 */
export const PRECOMPILED: ReadonlyMap<string, TemplateSpecification> = new Map();
