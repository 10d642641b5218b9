/** A valid content document with `systems` systems and `threats` threats, as YAML text. */
export function syntheticContent(systems: number, threats: number): string;
