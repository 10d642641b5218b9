import type { StandardModel } from '../../../model/comparison.js';
import { CONTENT_WIDTH, FRAME, TEXT } from '../../../plan/geometry.js';
import type { PageRenderer } from '../env.js';
import type { PlanText } from '../rich.js';
import type { Paragraph, Run } from '../runs.js';
import { addTable } from '../table.js';
import { addText, textProps } from '../text.js';
import { THEME, xmlSafe } from '../units.js';
import { extrasRuns, fractions } from './cells.js';
import { drawIntro } from './text.js';

const SMALL = { size: TEXT.small.size, lineHeight: TEXT.small.lineHeight } as const;

function standardRuns(s: StandardModel): Run[] {
  const name = s.officialName ?? s.name;
  return [
    { text: `${xmlSafe(s.framework)} `, bold: true },
    { text: xmlSafe(s.id), bold: true, ...(s.url ? { link: { url: xmlSafe(s.url) } } : {}) },
    ...(name ? [{ text: ` ${xmlSafe(name)}` }] : []),
    ...(s.tactics.length > 0 ? [{ text: ` (${xmlSafe(s.tactics.join(', '))})` }] : []),
    ...(s.ourAssessment ? [{ text: ' (our assessment)', italic: true }] : []),
  ];
}

/** A threat: its description, standards and extras above the table of its assessments. */
export const threat: PageRenderer = (page, env) => {
  const data = page.data as {
    description: PlanText;
    standards: StandardModel[];
    extras: Parameters<typeof extrasRuns>[1];
    rows: {
      system: PlanText;
      text: PlanText;
      justification: PlanText;
      badge: { level: string; label: string };
      factors: string | undefined;
      status: string | undefined;
      extras: Parameters<typeof extrasRuns>[1];
    }[];
    kind: 'assessments' | 'assessments-no-status';
    status: boolean;
  };
  let y = drawIntro(env, data.description, env.top);
  const gap = TEXT.blockGap * TEXT.small.size;
  const line = (runs: Run[], color: string) => {
    if (runs.length === 0) return;
    const height = env.estimate.text(runs.map((r) => r.text).join(''), CONTENT_WIDTH, TEXT.small);
    const paragraph: Paragraph = { runs, blockEnd: false };
    addText(env.slide, textProps([paragraph], { ...SMALL, color, gap: 0 }, env.fonts), {
      x: FRAME.padX,
      y,
      w: CONTENT_WIDTH,
      h: height,
    });
    y += height + gap;
  };
  line(
    data.standards.flatMap((s, i) => [...standardRuns(s), ...(i < data.standards.length - 1 ? [{ text: '; ' }] : [])]),
    THEME.muted,
  );
  line(extrasRuns(env, data.extras), THEME.muted);
  if (data.rows.length === 0) return;
  const { cells, rich } = env;
  addTable(
    env.slide,
    {
      columns: fractions(data.kind),
      header: ['System', 'Assessment', 'Risk', ...(data.status ? ['Status'] : [])].map((l) =>
        cells.line([{ text: l }]),
      ),
      rows: data.rows.map((r) => [
        cells.line(rich.runs(r.system)),
        [
          ...cells.text(r.text),
          ...rich
            .paragraphs(r.justification)
            .map((p) => ({ ...p, look: { ...TEXT_LOOK, color: THEME.muted }, spaceBefore: 6 })),
          ...cells.sub(extrasRuns(env, r.extras)),
        ],
        [...cells.badge(r.badge), ...cells.sub(r.factors ? [{ text: r.factors }] : [])],
        ...(data.status ? [cells.line(r.status ? [{ text: xmlSafe(r.status) }] : [])] : []),
      ]),
      rowHeaders: true,
    },
    y,
    env.fonts,
  );
};

const TEXT_LOOK = { size: 18, lineHeight: 1.32 } as const;
