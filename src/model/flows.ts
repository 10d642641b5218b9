import type { Content } from '../content/schema.js';
import { cveModels, resultInfo } from './extras.js';
import { severityInfo } from './severity.js';
import type { FlowBranchModel, FlowModel, ReferenceModel, SystemModel } from './types.js';

/** Attack flows with numbered steps; each step's branches in system order, systems without one left out. */
export function buildFlows(
  content: Content,
  systems: readonly SystemModel[],
  sources: (ids: readonly string[] | undefined) => ReferenceModel[],
): FlowModel[] {
  return (content.attackFlows ?? []).map((f) => ({
    id: f.id,
    title: f.title,
    description: f.description,
    steps: f.steps.map((step, i) => ({
      id: step.id,
      number: i + 1,
      actor: step.actor,
      action: step.action,
      branches: systems.flatMap((s): FlowBranchModel[] => {
        const b = step.branches?.[s.id];
        return b
          ? [
              {
                system: { id: s.id, name: s.name },
                outcome: b.outcome,
                label: b.label,
                severity: severityInfo(b.severity),
                result: b.result === undefined ? undefined : resultInfo(b.result),
              },
            ]
          : [];
      }),
      cves: cveModels(step.cves),
      sources: sources(step.sources),
      notes: step.notes,
    })),
    notes: f.notes,
  }));
}
