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
  /** Per step, one per branch (system order); empty where the step does not branch. */
  readonly outcomes: readonly (readonly Size[])[];
}

export interface FlowLayout {
  readonly width: number;
  readonly height: number;
  readonly steps: readonly Box[];
  readonly outcomes: readonly (readonly Box[])[];
  /** Route from step i to step i + 1, for every step but the last; orthogonal, ends pointing down. */
  readonly chain: readonly (readonly Point[])[];
  /** Route from a step to each of its outcomes; orthogonal, ends pointing down. */
  readonly branches: readonly (readonly Point[])[][];
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
const outcomeId = (i: number, k: number) => `o${i}.${k}`;
const passId = (i: number) => `p${i}`;
const spacerId = (i: number) => `x${i}`;

/**
 * Lays a flow out top to bottom with dagre: the steps in one column, each step's outcomes side by side
 * in a row beneath it. Where the flow goes on after a branching step, a zero-width pass node splits the
 * row so the step-to-step line runs down a corridor between outcomes (an invisible spacer evens out an
 * odd row, so the column stays straight), and invisible edges from the row to the next step centre
 * that step under the row. dagre's crossing reduction may mirror a row; the row's slots are handed
 * back in system order afterwards, which moves no box, since every outcome of a row is the same size.
 */
export function layoutFlow(sizes: FlowSizes, spacing: FlowSpacing): FlowLayout {
  const g = new dagre.graphlib.Graph<object, Label, object>();
  g.setGraph({ rankdir: 'TB', nodesep: spacing.nodeGap, ranksep: spacing.rowGap, rankalign: 'top' });
  g.setDefaultEdgeLabel(() => ({}));
  const rows: string[][] = [];
  sizes.steps.forEach((size, i) => {
    g.setNode(stepId(i), { width: size.width, height: size.height });
  });
  sizes.steps.forEach((_, i) => {
    const outcomes = sizes.outcomes[i] ?? [];
    const hasNext = i + 1 < sizes.steps.length;
    const row = outcomes.map((size, k) => {
      g.setNode(outcomeId(i, k), { width: size.width, height: size.height });
      return outcomeId(i, k);
    });
    rows.push(row);
    if (outcomes.length === 0) {
      if (hasNext) g.setEdge(stepId(i), stepId(i + 1), { weight: 8 });
      return;
    }
    const order = [...row];
    if (hasNext) {
      const first = outcomes[0] ?? { width: 0, height: 0 };
      const left = Math.floor(row.length / 2);
      order.splice(left, 0, passId(i));
      g.setNode(passId(i), { width: 0, height: first.height });
      if (row.length % 2 === 1) {
        g.setNode(spacerId(i), { width: first.width, height: first.height });
        order.unshift(spacerId(i));
      }
    }
    for (const id of order) {
      const heavy = id === passId(i);
      g.setEdge(stepId(i), id, { weight: heavy ? 8 : 1 });
      if (hasNext) g.setEdge(id, stepId(i + 1), { weight: heavy ? 8 : 0 });
    }
  });
  dagre.layout(g);

  const centre = (id: string): Point => {
    const n = g.node(id);
    return { x: n.x ?? 0, y: n.y ?? 0 };
  };
  const box = (id: string): Box => {
    const n = g.node(id);
    return { x: (n.x ?? 0) - n.width / 2, y: (n.y ?? 0) - n.height / 2, width: n.width, height: n.height };
  };
  const steps = sizes.steps.map((_, i) => box(stepId(i)));
  const outcomes = rows.map((row, i) => {
    const ids = g.hasNode(spacerId(i)) ? [spacerId(i), ...row] : row;
    const slots = ids.map((id) => centre(id).x).sort((a, b) => a - b);
    return row.map((id, k) => {
      const b = box(id);
      const x = slots[k + ids.length - row.length] ?? b.x + b.width / 2;
      return { ...b, x: x - b.width / 2 };
    });
  });

  const chain: Point[][] = [];
  const branches: Point[][][] = [];
  steps.forEach((step, i) => {
    const from = { x: step.x + step.width / 2, y: step.y + step.height };
    const row = outcomes[i] ?? [];
    const next = steps[i + 1];
    const rowTop = Math.min(...row.map((b) => b.y));
    const rowBottom = Math.max(...row.map((b) => b.y + b.height));
    const busY = row.length > 0 ? (from.y + rowTop) / 2 : 0;
    branches.push(
      row.map((b) =>
        orthogonal([from, { x: from.x, y: busY }, { x: b.x + b.width / 2, y: busY }, { x: b.x + b.width / 2, y: b.y }]),
      ),
    );
    if (!next) return;
    const to = { x: next.x + next.width / 2, y: next.y };
    if (row.length === 0) {
      const midY = (from.y + to.y) / 2;
      chain.push(orthogonal([from, { x: from.x, y: midY }, { x: to.x, y: midY }, to]));
      return;
    }
    const pass = centre(passId(i)).x;
    const belowY = (rowBottom + to.y) / 2;
    chain.push(
      orthogonal([
        from,
        { x: from.x, y: busY },
        { x: pass, y: busY },
        { x: pass, y: belowY },
        { x: to.x, y: belowY },
        to,
      ]),
    );
  });

  return normalise(steps, outcomes, chain, branches, spacing.margin);
}

/** Drops repeated and collinear points, so a straight route is one segment. */
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
  return (
    (Math.abs(a.x - b.x) < 0.01 && Math.abs(b.x - c.x) < 0.01) ||
    (Math.abs(a.y - b.y) < 0.01 && Math.abs(b.y - c.y) < 0.01)
  );
}

/** Moves everything so the drawn boxes start at the margin; invisible layout nodes take no room. */
function normalise(
  steps: Box[],
  outcomes: Box[][],
  chain: Point[][],
  branches: Point[][][],
  margin: number,
): FlowLayout {
  const boxes = [...steps, ...outcomes.flat()];
  const minX = Math.min(...boxes.map((b) => b.x));
  const minY = Math.min(...boxes.map((b) => b.y));
  const maxX = Math.max(...boxes.map((b) => b.x + b.width));
  const maxY = Math.max(...boxes.map((b) => b.y + b.height));
  const dx = margin - minX;
  const dy = margin - minY;
  const moveBox = (b: Box): Box => ({ ...b, x: b.x + dx, y: b.y + dy });
  const movePoint = (p: Point): Point => ({ x: p.x + dx, y: p.y + dy });
  return {
    width: maxX - minX + 2 * margin,
    height: maxY - minY + 2 * margin,
    steps: steps.map(moveBox),
    outcomes: outcomes.map((row) => row.map(moveBox)),
    chain: chain.map((route) => route.map(movePoint)),
    branches: branches.map((routes) => routes.map((route) => route.map(movePoint))),
  };
}
