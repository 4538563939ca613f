/**
 * bin/paparan.js, the installed command: it runs the compiled lib/ and nothing
 * else (tsx is a development tool, not installed with paparan).
 */
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
const exec = promisify(execFile);
let pkg: string;

// A package of its own with only the command in it: whatever the command needs beyond lib/ is missing here.
beforeEach(() => {
  pkg = mkdtempSync(path.join(os.tmpdir(), 'paparan-bin-'));
  mkdirSync(path.join(pkg, 'bin'));
  copyFileSync(path.join(root, 'bin', 'paparan.js'), path.join(pkg, 'bin', 'paparan.js'));
  writeFileSync(path.join(pkg, 'package.json'), JSON.stringify({ name: 'paparan', type: 'module' }));
});
afterEach(() => rmSync(pkg, { recursive: true, force: true }));

describe('bin/paparan.js', () => {
  it('runs the compiled lib/ even when src/ is newer, without tsx', async () => {
    mkdirSync(path.join(pkg, 'lib'));
    writeFileSync(path.join(pkg, 'lib', 'cli.js'), 'export async function runCli(args) { console.log("lib:", args.join(" ")); return 5; }\n');
    mkdirSync(path.join(pkg, 'src'));
    writeFileSync(path.join(pkg, 'src', 'cli.ts'), 'throw new Error("the sources ran");\n');
    const hourAgo = new Date(Date.now() - 3_600_000);
    utimesSync(path.join(pkg, 'lib', 'cli.js'), hourAgo, hourAgo);
    const failed = await exec(process.execPath, [path.join(pkg, 'bin', 'paparan.js'), 'build', 'x.md']).catch((error: unknown) => error);
    expect(failed).toMatchObject({ code: 5, stdout: 'lib: build x.md\n', stderr: '' });
  });

  it('says in one line how to compile when lib/ is missing', async () => {
    const failed = await exec(process.execPath, [path.join(pkg, 'bin', 'paparan.js'), '--version']).catch((error: unknown) => error);
    expect(failed).toMatchObject({ code: 1, stdout: '' });
    const stderr = (failed as { stderr: string }).stderr;
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/lib\/cli\.js is missing: run `npm run compile` \(or `npm ci`\)/);
  });
});
