import dagre from '@dagrejs/dagre';

export interface Size {
  readonly width: number;
  readonly height: number;
}

/** A box by its top-left corner. */
export interface Box extends Size {
  readonly x: number;
  readonly y: number;
}

export interface Point {
  readonly x: number;
  readonly y: number;
}

export interface FlowSizes {
  /** One per step, in order. */
  readonly steps: readonly Size[];
  /** Per step, its outcomes in rows of at most a few (system order); no rows where the step does not branch. */
  readonly outcomes: readonly (readonly (readonly Size[])[])[];
  /** The flow comes from steps not drawn: add an edge into the first step from above. */
  readonly entry?: boolean;
  /** The flow goes on to steps not drawn: add an edge out of the last step downwards. */
  readonly exit?: boolean;
  /** The least width of the result (parts of one flow share one width): the drawing is centred in it. */
  readonly minWidth?: number;
}

export interface FlowLayout {
  readonly width: number;
  readonly height: number;
  readonly steps: readonly Box[];
  /** Per step, its outcome boxes in system order (the rows read left to right, top to bottom). */
  readonly outcomes: readonly (readonly Box[])[];
  /** Route from step i to step i + 1, for every step but the last; orthogonal, ends pointing down. */
  readonly chain: readonly (readonly Point[])[];
  /** Per step, the route to each of its outcomes; orthogonal, ends pointing down. */
  readonly branches: readonly (readonly (readonly Point[])[])[];
  /** The edges into the first step and out of the last, where asked for. */
  readonly entry: readonly Point[] | undefined;
  readonly exit: readonly Point[] | undefined;
}

export interface FlowSpacing {
  /** Horizontal gap between boxes of one row. */
  readonly nodeGap: number;
  /** Vertical gap between rows. */
  readonly rowGap: number;
  readonly margin: number;
}

type Label = { width: number; height: number; x?: number; y?: number };

const stepId = (i: number) => `s${i}`;
const ENTRY = 'entry';
const EXIT = 'exit';
const outcomeId = (i: number, r: number, k: number) => `o${i}.${r}.${k}`;
/** A zero-width node in each row a trunk runs through: it carries the ranks from row to row. */
const passId = (i: number, r: number) => `p${i}.${r}`;

/**
 * Lays a flow out top to bottom: the steps in one column, each step's outcomes side by side in rows
 * beneath it, in system order. dagre layers the graph (steps, outcome rows, and zero-width pass nodes that
 * carry the flow through the rows) and places the ranks: which row each box is in and its y. The x of each
 * box is then set by rule, centred on the column: dagre's own x placement (Brandes–Köpf) aligns by
 * medians, ignores edge weights and reorders rows, and it drifted wrapped rows off the column and mirrored
 * whole rows. Where the flow goes on after a branching step, or its outcomes take several rows, a trunk
 * runs down the column through a corridor in the middle of each row.
 */
export function layoutFlow(sizes: FlowSizes, spacing: FlowSpacing): FlowLayout {
  const { g, trunks } = rankFlow(sizes, spacing);
  const top = (id: string) => {
    const n = g.node(id);
    return (n.y ?? 0) - n.height / 2;
  };
  const column = Math.max(...sizes.steps.map((s) => s.width)) / 2;
  const steps = sizes.steps.map((size, i) => ({ ...size, x: column - size.width / 2, y: top(stepId(i)) }));
  const rowBoxes = sizes.steps.map((_, i) =>
    (sizes.outcomes[i] ?? []).map((row, r) => {
      const y = top(passId(i, r));
      const slot = (row[0]?.width ?? 0) + spacing.nodeGap;
      const left = Math.floor(row.length / 2);
      return row.map((size, k) => {
        // With a trunk, the corridor sits at the column, the extra box of an odd row on its right;
        // without, the row is centred under the step.
        const centre = trunks[i] ? column + (k - left + 0.5) * slot : column + (k - (row.length - 1) / 2) * slot;
        return { ...size, x: centre - size.width / 2, y };
      });
    }),
  );
  const exitNode = sizes.exit ? { x: column, y: top(EXIT), width: 0, height: 0 } : undefined;
  const { chain, branches } = routeFlow(steps, rowBoxes, exitNode);
  const first = steps[0];
  const entry =
    sizes.entry && first
      ? [
          { x: column, y: top(ENTRY) },
          { x: column, y: first.y },
        ]
      : undefined;
  const exit = sizes.exit ? chain.pop() : undefined;
  return normalise(
    steps,
    rowBoxes.map((rows) => rows.flat()),
    { chain, branches, entry, exit },
    spacing.margin,
    sizes.minWidth ?? 0,
  );
}

/** dagre ranks the rows: steps, each outcome row under its step (with a pass node for the trunk), entry and exit. */
function rankFlow(sizes: FlowSizes, spacing: FlowSpacing) {
  const g = new dagre.graphlib.Graph<object, Label, object>();
  g.setGraph({ rankdir: 'TB', nodesep: spacing.nodeGap, ranksep: spacing.rowGap, rankalign: 'top' });
  g.setDefaultEdgeLabel(() => ({}));
  sizes.steps.forEach((size, i) => {
    g.setNode(stepId(i), { width: size.width, height: size.height });
  });
  const last = sizes.steps.length - 1;
  if (sizes.entry) {
    g.setNode(ENTRY, { width: 0, height: 0 });
    g.setEdge(ENTRY, stepId(0));
  }
  if (sizes.exit) g.setNode(EXIT, { width: 0, height: 0 });
  const nextOf = (i: number) => (i < last ? stepId(i + 1) : sizes.exit ? EXIT : undefined);
  const trunks = sizes.steps.map((_, i) => {
    const rows = sizes.outcomes[i] ?? [];
    const next = nextOf(i);
    const trunk = rows.length > 0 && (next !== undefined || rows.length > 1);
    let above = stepId(i);
    rows.forEach((row, r) => {
      row.forEach((size, k) => {
        g.setNode(outcomeId(i, r, k), { width: size.width, height: size.height });
        g.setEdge(above, outcomeId(i, r, k));
      });
      const pass = passId(i, r);
      g.setNode(pass, { width: 0, height: row[0]?.height ?? 0 });
      g.setEdge(above, pass);
      above = pass;
    });
    if (next !== undefined) g.setEdge(above, next);
    return trunk;
  });
  dagre.layout(g);
  return { g, trunks };
}

/** The chain from step to step, and each step's branches down the trunk to the bus above their row. */
function routeFlow(steps: readonly Box[], rowBoxes: readonly (readonly Box[])[][], exitNode: Box | undefined) {
  const last = steps.length - 1;
  const chain: Point[][] = [];
  const branches: Point[][][] = [];
  steps.forEach((step, i) => {
    const rows = rowBoxes[i] ?? [];
    const start = { x: step.x + step.width / 2, y: step.y + step.height };
    // The bus above each row, halfway between what is above it and the row.
    let bottom = start.y;
    const buses = rows.map((row) => {
      const top = Math.min(...row.map((b) => b.y));
      const bus = (bottom + top) / 2;
      bottom = Math.max(...row.map((b) => b.y + b.height));
      return bus;
    });
    // Branches leave the step down the column (the trunk) and turn off at the bus above their row.
    branches.push(
      rows.flatMap((row, r) =>
        row.map((b) => {
          const x = b.x + b.width / 2;
          const bus = buses[r] ?? 0;
          return orthogonal([start, { x: start.x, y: bus }, { x, y: bus }, { x, y: b.y }]);
        }),
      ),
    );
    const next = steps[i + 1] ?? (i === last ? exitNode : undefined);
    if (next) chain.push([start, { x: next.x + next.width / 2, y: next.y }]);
  });
  return { chain, branches };
}

/** Drops repeated and collinear points, so that a straight route is one segment. */
function orthogonal(points: readonly Point[]): Point[] {
  const out: Point[] = [];
  for (const p of points) {
    const last = out[out.length - 1];
    if (last && Math.abs(last.x - p.x) < 0.01 && Math.abs(last.y - p.y) < 0.01) continue;
    const before = out[out.length - 2];
    if (before && last && collinear(before, last, p)) out[out.length - 1] = p;
    else out.push(p);
  }
  return out;
}

function collinear(a: Point, b: Point, c: Point): boolean {
  const vertical = Math.abs(a.x - b.x) < 0.01 && Math.abs(b.x - c.x) < 0.01;
  const horizontal = Math.abs(a.y - b.y) < 0.01 && Math.abs(b.y - c.y) < 0.01;
  return vertical || horizontal;
}

interface Routes {
  readonly chain: Point[][];
  readonly branches: Point[][][];
  readonly entry: Point[] | undefined;
  readonly exit: Point[] | undefined;
}

/** Moves everything so that what is drawn starts at the margin; invisible layout nodes take no room. */
function normalise(steps: Box[], outcomes: Box[][], routes: Routes, margin: number, minWidth: number): FlowLayout {
  const boxes = [...steps, ...outcomes.flat()];
  const ends = [...(routes.entry ?? []), ...(routes.exit ?? [])];
  const minX = Math.min(...boxes.map((b) => b.x));
  const minY = Math.min(...boxes.map((b) => b.y), ...ends.map((p) => p.y));
  const maxX = Math.max(...boxes.map((b) => b.x + b.width));
  const maxY = Math.max(...boxes.map((b) => b.y + b.height), ...ends.map((p) => p.y));
  const width = Math.max(maxX - minX + 2 * margin, minWidth);
  const dx = (width - (maxX - minX)) / 2 - minX;
  const dy = margin - minY;
  const moveBox = (b: Box): Box => ({ ...b, x: b.x + dx, y: b.y + dy });
  const movePoint = (p: Point): Point => ({ x: p.x + dx, y: p.y + dy });
  return {
    width,
    height: maxY - minY + 2 * margin,
    steps: steps.map(moveBox),
    outcomes: outcomes.map((row) => row.map(moveBox)),
    chain: routes.chain.map((route) => route.map(movePoint)),
    branches: routes.branches.map((list) => list.map((route) => route.map(movePoint))),
    entry: routes.entry?.map(movePoint),
    exit: routes.exit?.map(movePoint),
  };
}
