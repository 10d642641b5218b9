import { type Document, isAlias, isCollection, isMap, isPair, isScalar, type Node, visit } from 'yaml';

/** A problem found in the YAML structure, at an offset into the YAML text. */
export interface YamlProblem {
  readonly offset: number;
  readonly message: string;
}

const shown = (text: string) => (text.length > 40 ? `${text.slice(0, 40)}…` : text);

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return 'text';
  if (typeof value === 'boolean') return 'true/false';
  return typeof value;
}

/**
 * Keys that YAML tells apart but a JavaScript object does not: `1:` and `"1":`, `true:` and `"true":`,
 * `null:` and `"":`. Read into an object, the second silently replaces the first (a 5 × 5 rating became
 * 1 × 1), so each such pair is an error at the second key, naming the first. Keys that are mappings or
 * lists have no object form at all and are refused where they are written.
 */
export function keyProblems(doc: Document): YamlProblem[] {
  const problems: YamlProblem[] = [];
  visit(doc, {
    Map(_key, map) {
      const seen = new Map<string, { node: Node; value: unknown }>();
      for (const pair of map.items) {
        if (!isPair(pair)) continue;
        let key = pair.key as Node | null;
        const at = key?.range?.[0] ?? 0;
        if (isAlias(key)) key = (key.resolve(doc) as Node | undefined) ?? null;
        if (isCollection(key)) {
          problems.push({ offset: at, message: `a key must be a word, not a ${isMap(key) ? 'mapping' : 'list'}` });
          continue;
        }
        const value = isScalar(key) ? key.value : null;
        const name = value === null ? '' : String(value);
        const first = seen.get(name);
        // Keys of the same value are reported by the parser as duplicates; this is the case it misses.
        if (first && first.value !== value) {
          problems.push({
            offset: at,
            message: `key "${shown(name)}" (${kindOf(value)}) is read as the same field as the key "${shown(
              name,
            )}" (${kindOf(first.value)}) above it, and would replace it; remove or rename one`,
          });
        } else if (!first) seen.set(name, { node: key as Node, value });
      }
    },
  });
  return problems;
}

interface AnchorUse {
  count: number;
  aliasCount: number;
}

/**
 * Aliases without an anchor before them, and the alias at which expansion passes `maxAliasCount` (the same
 * count the yaml library keeps while it reads, so that the error names the alias, not the file's start).
 */
export function aliasProblems(doc: Document, maxAliasCount: number): YamlProblem[] {
  const ordered: Node[] = [];
  visit(doc, {
    Node(_key, node) {
      if (isAlias(node) || (node as { anchor?: string }).anchor) ordered.push(node);
    },
  });
  const targetOf = (index: number): Node | undefined => {
    const alias = ordered[index];
    if (!isAlias(alias)) return undefined;
    for (let i = index - 1; i >= 0; i--) {
      const node = ordered[i] as Node & { anchor?: string };
      if (!isAlias(node) && node.anchor === alias.source) return node;
    }
    return undefined;
  };
  const uses = new Map<Node, AnchorUse>();
  const targets = new Map<Node, Node | undefined>(ordered.map((node, i) => [node, targetOf(i)]));
  const countIn = (node: unknown): number => {
    if (isAlias(node)) {
      const use = uses.get(targets.get(node) as Node);
      return use ? use.count * use.aliasCount : 0;
    }
    if (isCollection(node)) return Math.max(0, ...node.items.map((item) => countIn(item)));
    if (isPair(node)) return Math.max(countIn(node.key), countIn(node.value));
    return 1;
  };
  const problems: YamlProblem[] = [];
  for (const node of ordered) {
    // As the yaml library does: an anchored node counts once when read, each alias to it once more.
    if (!isAlias(node)) {
      uses.set(node, { count: 1, aliasCount: 0 });
      continue;
    }
    const target = targets.get(node);
    const offset = node.range?.[0] ?? 0;
    if (!target) {
      problems.push({
        offset,
        message: `the alias "*${node.source}" has no anchor "&${node.source}" before it; define the anchor first or write the value out`,
      });
      continue;
    }
    const use = uses.get(target) ?? { count: 1, aliasCount: 0 };
    uses.set(target, use);
    use.count += 1;
    if (use.aliasCount === 0) use.aliasCount = countIn(target);
    if (use.count * use.aliasCount > maxAliasCount) {
      problems.push({
        offset,
        message: `the aliases expand to more than ${maxAliasCount} copies (an "alias bomb"); use fewer aliases (at most ${maxAliasCount})`,
      });
      break;
    }
  }
  return problems;
}

const CORE_TAGS = new Set(
  ['str', 'int', 'float', 'bool', 'null', 'seq', 'map'].map((name) => `tag:yaml.org,2002:${name}`),
);

/**
 * What the YAML parser found wrong, then what riskdeck does not allow (directives, custom tags, merge keys),
 * in that order, each at its offset in the YAML text.
 */
export function syntaxProblems(doc: Document, parsedText: string, yamlText: string): YamlProblem[] {
  const problems: YamlProblem[] = [];
  const push = (offset: number, message: string) => problems.push({ offset, message });
  for (const error of doc.errors) {
    const key = /^["']?([^"':\n]*)/.exec(parsedText.slice(error.pos[0], error.pos[0] + 80))?.[1]?.trim();
    const message = /call stack/i.test(error.message)
      ? 'the YAML is nested too deeply to read; flatten it'
      : error.code === 'DUPLICATE_KEY'
        ? `duplicate key "${key}"; a key may appear once in a mapping, remove or rename one`
        : (error.message.split('\n')[0] ?? error.message);
    push(error.pos[0], message);
  }
  for (const warning of doc.warnings) {
    // Unknown tags are reported once, below, as custom tags.
    if (warning.code !== 'TAG_RESOLVE_FAILED') push(warning.pos[0], `${warning.message.split('\n')[0]}; remove it`);
  }
  const directive = yamlText.search(/^%/m);
  if (directive >= 0) push(directive, 'YAML directives (%YAML, %TAG) are not allowed; remove the line');
  visit(doc, {
    Node(_key, node) {
      if (node.tag !== undefined && !CORE_TAGS.has(node.tag)) {
        const shown = node.tag.replace(/^tag:yaml\.org,2002:/, '!!');
        push(node.range?.[0] ?? 0, `custom YAML tag "${shown}" is not allowed; remove it`);
      }
    },
    Pair(_key, pair) {
      if (isPair(pair) && isScalar(pair.key) && pair.key.value === '<<' && pair.key.type === 'PLAIN') {
        push(pair.key.range?.[0] ?? 0, 'YAML merge keys ("<<") are not allowed; write the fields out');
      }
    },
  });
  return problems;
}
