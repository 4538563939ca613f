/** Runs the CLI in-process, as a user would from the terminal, and captures what it prints. */
import { vi } from 'vitest';
import { runCli } from '../../src/cli.js';

export async function runCapturing(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((...parts) => stdout.push(parts.join(' ')));
  vi.spyOn(console, 'error').mockImplementation((...parts) => stderr.push(parts.join(' ')));
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => (stdout.push(String(chunk)), true));
  // Commander writes its own errors (bad options) straight to stderr.
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => (stderr.push(String(chunk).trimEnd()), true));
  try {
    return { code: await runCli(args), stdout: stdout.join('\n'), stderr: stderr.join('\n') };
  } finally {
    vi.restoreAllMocks();
  }
}
