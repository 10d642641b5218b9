import type { Severity } from '../content/schema.js';
import type { SeverityInfo } from './types.js';

const SEVERITY_LABELS: Record<Severity, string> = {
  none: 'None',
  low: 'Low',
  medium: 'Medium',
  high: 'High',
  critical: 'Critical',
};
const SEVERITY_RANK: Record<Severity, number> = { none: 0, low: 1, medium: 2, high: 3, critical: 4 };

export function severityInfo(severity: Severity): SeverityInfo {
  return { id: severity, label: SEVERITY_LABELS[severity], rank: SEVERITY_RANK[severity] };
}
