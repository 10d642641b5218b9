import type { PageRenderer } from '../env.js';
import { attacks, comparison, facts, threatOverview } from './columns.js';
import { divider, title } from './covers.js';
import { flow, riskMatrix, scoreCharts } from './diagrams.js';
import { changes, cves, defenses, riskCounts, scales, systems, verdicts } from './tables.js';
import { agenda, narrative, references } from './text.js';
import { threat } from './threat.js';

/** Each kind of slide of the plan (by the deck partial that draws it in HTML) and what draws it here. */
export const RENDERERS: Readonly<Record<string, PageRenderer>> = {
  title,
  divider,
  agenda,
  narrative,
  references,
  systems,
  facts,
  'threat-overview': threatOverview,
  threat,
  defenses,
  comparison,
  'score-charts': scoreCharts,
  attacks,
  'risk-counts': riskCounts,
  'risk-matrix': riskMatrix,
  verdicts,
  flow,
  scales,
  cves,
  changes,
};
