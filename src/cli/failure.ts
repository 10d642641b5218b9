import { isRiskdeckError, systemReason } from '../errors.js';
import { EXIT } from './context.js';

/**
 * The one place where an error nobody expected becomes what the user sees: one line, the exit code for an
 * environment problem, and how to get the trace. A RiskdeckError that escaped its command keeps its message.
 */
export function describeFailure(error: unknown, debug: boolean): { text: string; code: number } {
  if (isRiskdeckError(error)) {
    const code = error.code === 'CONTENT_INVALID' || error.code === 'CONTENT_UNREADABLE' ? EXIT.content : EXIT.usage;
    return { text: `riskdeck: ${error.message}\n`, code };
  }
  const message = error instanceof Error ? error.message : String(error);
  const firstLine = systemReason(error) ?? (message.split('\n')[0]?.trim() || 'unknown error');
  if (debug) {
    const trace = (error instanceof Error && error.stack) || message;
    return { text: `riskdeck: unexpected error: ${firstLine}\n${trace}\n`, code: EXIT.usage };
  }
  return {
    text: `riskdeck: unexpected error: ${firstLine}; rerun with --debug to see the trace\n`,
    code: EXIT.usage,
  };
}
