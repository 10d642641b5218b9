import * as styleStackModule from 'pdfmake/js/StyleContextStack.js';

/**
 * Fewer style lookups in pdfmake (0.3.11). Every text run asks its style stack for ~25 properties
 * (`StyleContextStack.getStyleProperty`: font, size, colour, link, decoration…), and each question walks the
 * whole stack of enclosing nodes and named styles, most ending at the default: pdfmake's hottest function
 * (~10 % of a real-sized report's CPU). A run that names no style of its own gets the answer its enclosing
 * stack gives, and that answer is the same for every run until something is pushed or popped, so it is
 * remembered per stack until then. Runs with their own `style`, and everything else, go through pdfmake's
 * code. The PDF of every fixture is byte-identical with and without this (pdf-styles.test.ts).
 */

interface StyleStack {
  getProperty(property: string): unknown;
  push(item: unknown): void;
  pop(howMany?: number): void;
}
type Lookup = (
  item: Record<string, unknown>,
  stack: StyleStack | undefined,
  property: string,
  fallback: unknown,
) => unknown;
interface StackClass {
  getStyleProperty: Lookup;
  prototype: StyleStack;
}

const isValue = (value: unknown) => value !== undefined && value !== null;
/** The answers of each stack, for its current contents. */
const answers = new WeakMap<StyleStack, Map<string, unknown>>();

function stackClass(): StackClass {
  // Babel-made CommonJS: Node's ESM gives its `exports` as `default`, a bundler may give the class itself.
  const outer = (styleStackModule as { default?: unknown }).default as { default?: StackClass } | StackClass;
  const found = typeof outer === 'function' ? (outer as StackClass) : (outer as { default?: StackClass }).default;
  if (typeof found?.getStyleProperty !== 'function' || typeof found.prototype.push !== 'function') {
    throw new Error('report: pdfmake StyleContextStack#getStyleProperty is gone; pdf-styles.ts was written for 0.3.11');
  }
  return found;
}

let installed = false;
/** Set while pdfmake's own lookups are asked for (see below). */
let bypass = false;

/** Installs the remembered lookups once per process (idempotent). */
export function installStyleMemo(): void {
  if (installed) return;
  const stacks = stackClass();
  const { push, pop } = stacks.prototype;
  const original = stacks.getStyleProperty;
  stacks.prototype.push = function (this: StyleStack, item: unknown) {
    answers.delete(this);
    push.call(this, item);
  };
  stacks.prototype.pop = function (this: StyleStack, howMany?: number) {
    answers.delete(this);
    pop.call(this, howMany);
  };
  stacks.getStyleProperty = function (this: unknown, item, stack, property, fallback) {
    if (isValue(item[property])) return item[property];
    // pdfmake pushes the run and its named styles, asks, and pops: without named styles, the run adds
    // nothing the line above did not already check.
    if (bypass || !stack || item.style !== undefined) return original.call(this, item, stack, property, fallback);
    let known = answers.get(stack);
    if (!known) {
      known = new Map();
      answers.set(stack, known);
    }
    if (!known.has(property)) known.set(property, stack.getProperty(property));
    const value = known.get(property);
    return isValue(value) ? value : fallback;
  };
  installed = true;
}

/** Runs `render` with pdfmake's own lookups, which the test compares against. */
export async function withPdfmakeStyleLookups<T>(render: () => Promise<T>): Promise<T> {
  bypass = true;
  try {
    return await render();
  } finally {
    bypass = false;
  }
}
