/** Real ATT&CK v18.1 techniques (not revoked) with their official names: standards ids are checked. */
export const TECHNIQUES: readonly { readonly id: string; readonly name: string }[];

/** A valid content document with `systems` systems and `threats` threats, as YAML text. */
export function syntheticContent(systems: number, threats: number): string;
