/**
 * One error type for everything a user can fix. It carries where the problem is
 * (file and line) and keeps the underlying error as its cause; only the CLI prints it.
 */

/** Exit codes the CLI uses; documented in docs/cli.md. */
export const ExitCode = {
  ok: 0,
  /** An essay could not be built (bad content, unreadable file). */
  buildFailed: 1,
  /** The command line itself was wrong. */
  usage: 2,
  /** PDFs were asked for but no browser could be found or started. */
  noBrowser: 3,
  /** Printing a PDF failed or timed out. */
  exportFailed: 4,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

export interface Where {
  file?: string;
  line?: number;
}

export class PaparanError extends Error {
  readonly file?: string;
  readonly line?: number;
  readonly exitCode: ExitCode;

  constructor(message: string, where: Where & { cause?: unknown; exitCode?: ExitCode } = {}) {
    super(message, where.cause === undefined ? undefined : { cause: where.cause });
    this.name = 'PaparanError';
    this.file = where.file;
    this.line = where.line;
    this.exitCode = where.exitCode ?? ExitCode.buildFailed;
  }

  /** `content/essay.md:42: message` — the one line a user sees. */
  override toString(): string {
    return `${formatWhere(this)}${this.message}`;
  }
}

/** Thrown for problems in an essay's content or front matter. */
export class ContentError extends PaparanError {
  constructor(message: string, where: Where & { cause?: unknown } = {}) {
    super(message, where);
    this.name = 'ContentError';
  }
}

/** Thrown when the browser is missing, fails to start, or a PDF cannot be printed. */
export class BrowserError extends PaparanError {
  constructor(message: string, where: Where & { cause?: unknown; exitCode?: ExitCode } = {}) {
    super(message, { exitCode: ExitCode.noBrowser, ...where });
    this.name = 'BrowserError';
  }
}

/** `file:line: ` (or `file: `, or nothing) for a message prefix. */
export function formatWhere(where: Where): string {
  if (!where.file) return '';
  return where.line ? `${where.file}:${where.line}: ` : `${where.file}: `;
}

/** A non-fatal problem in content, reported as `file:line: warning: message`. */
export interface Diagnostic {
  severity: 'warning' | 'error';
  message: string;
  file: string;
  line?: number;
}

/** The line a user reads for a diagnostic. */
export function formatDiagnostic(d: Diagnostic): string {
  return `${formatWhere(d)}${d.severity}: ${d.message}`;
}

/** Wraps anything thrown into a PaparanError that names the file it concerns. */
export function asPaparanError(error: unknown, file?: string): PaparanError {
  if (error instanceof PaparanError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new PaparanError(message, { file, cause: error });
}

/** The first line of an error's message, without a final period: for one-line messages that wrap it. */
export function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return (message.split('\n')[0] ?? '').trim().replace(/\.$/, '');
}
