/** A place in a content file; line and column are 1-based. */
export interface SourceLocation {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

/** One problem the user can fix in a content file. */
export interface ContentIssue extends SourceLocation {
  /** The field path, e.g. `threats[1].assessments.kvm`; empty for the file as a whole. */
  readonly path: string;
  readonly message: string;
}

export type ErrorCode =
  | 'CONTENT_INVALID'
  | 'CONTENT_UNREADABLE'
  | 'TEMPLATE_INVALID'
  | 'USAGE'
  | 'OUTPUT_CONFLICT'
  | 'LIMIT_EXCEEDED'
  | 'IO';

/** The one error type for everything a user can fix. Anything else is a bug and keeps its stack. */
export class RiskdeckError extends Error {
  readonly code: ErrorCode;
  readonly issues: readonly ContentIssue[];

  constructor(code: ErrorCode, message: string, issues: readonly ContentIssue[] = []) {
    super(message);
    this.name = 'RiskdeckError';
    this.code = code;
    this.issues = issues;
  }
}

export function formatIssue(issue: ContentIssue): string {
  const where = `${issue.file}:${issue.line}:${issue.column}`;
  return issue.path ? `${where}  ${issue.path}: ${issue.message}` : `${where}  ${issue.message}`;
}

export function contentError(file: string, issues: readonly ContentIssue[]): RiskdeckError {
  const count = issues.length === 1 ? '1 error' : `${issues.length} errors`;
  return new RiskdeckError('CONTENT_INVALID', `${file}: ${count}\n${issues.map(formatIssue).join('\n')}`, issues);
}

export function isRiskdeckError(error: unknown): error is RiskdeckError {
  return error instanceof RiskdeckError;
}
