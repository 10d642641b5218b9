import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const INSTALL: Record<string, string> = {
  chromium: 'apt-get update && apt-get install -y chromium',
  pdftoppm: 'apt-get update && apt-get install -y poppler-utils',
  pdffonts: 'apt-get update && apt-get install -y poppler-utils',
  pdftotext: 'apt-get update && apt-get install -y poppler-utils',
  pdfimages: 'apt-get update && apt-get install -y poppler-utils',
  qpdf: 'apt-get update && apt-get install -y qpdf',
  soffice: 'apt-get update && apt-get install -y libreoffice-impress',
};

function which(tool: string): string | undefined {
  for (const candidate of [`/usr/bin/${tool}`, `/usr/local/bin/${tool}`]) if (existsSync(candidate)) return candidate;
  try {
    return execFileSync('sh', ['-c', `command -v ${tool}`], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
}

/**
 * The path of a system tool a test needs, or a reason to skip that names the install command.
 * Under CI=true a missing tool is an error, so that a skipped suite can never pass for a green run.
 */
export function requireTool(tool: string): { path: string; skip: false } | { path: undefined; skip: string } {
  const path = which(tool);
  if (path) return { path, skip: false };
  const message = `${tool} is not installed; install it with: ${INSTALL[tool] ?? `apt-get install -y ${tool}`}`;
  if (process.env.CI === 'true') throw new Error(`${message} (CI=true, so this fails instead of skipping)`);
  console.warn(`skipped: ${message}`);
  return { path: undefined, skip: message };
}
