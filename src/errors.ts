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

const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * Text from content or a file name made safe for one line of a terminal: line breaks, escape sequences
 * and bidirectional controls are shown as escapes (`\n`, `\x1b`, `\u202e`), so content can neither split
 * one message into lines that look like others nor repaint or reorder what is shown.
 */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, (char) => {
    const code = char.charCodeAt(0);
    if (char === '\n') return '\\n';
    if (char === '\r') return '\\r';
    if (char === '\t') return '\\t';
    return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

export function formatIssue(issue: ContentIssue): string {
  const where = `${printable(issue.file)}:${issue.line}:${issue.column}`;
  const message = printable(issue.message);
  return issue.path ? `${where}  ${printable(issue.path)}: ${message}` : `${where}  ${message}`;
}

export function contentError(file: string, issues: readonly ContentIssue[]): RiskdeckError {
  const count = issues.length === 1 ? '1 error' : `${issues.length} errors`;
  return new RiskdeckError(
    'CONTENT_INVALID',
    `${printable(file)}: ${count}\n${issues.map(formatIssue).join('\n')}`,
    issues,
  );
}

export function isRiskdeckError(error: unknown): error is RiskdeckError {
  return error instanceof RiskdeckError;
}

/** What an operating-system error code means to someone running riskdeck. */
const SYSTEM_ERRORS: Readonly<Record<string, string>> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the file system is read-only',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'the disk quota is used up',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EISDIR: 'it is a folder, not a file',
  ENOENT: 'no such file or folder',
  EEXIST: 'a file is in the way',
  EINVAL: 'not possible there',
  EMFILE: 'too many open files; raise the limit (ulimit -n)',
  ENOMEM: 'out of memory',
  EADDRINUSE: 'the port is in use',
  EADDRNOTAVAIL: 'the address is not on this machine',
};

/** `ENOSPC: no space left on the device` for an error with a system code; undefined for any other error. */
export function systemReason(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null | undefined)?.code;
  if (typeof code !== 'string' || !/^E[A-Z]+$/.test(code)) return undefined;
  return `${code}: ${SYSTEM_ERRORS[code] ?? (error as Error).message?.split('\n')[0] ?? code}`;
}
