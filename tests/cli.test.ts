/**
 * The command line as a user meets it: what it prints, the exit code, and what
 * it leaves in dist/ when an essay is bad.
 */
import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runCapturing } from './helpers/run-cli.js';

const root = path.resolve(import.meta.dirname, '..');
let work: string;

beforeEach(() => {
  work = mkdtempSync(path.join(os.tmpdir(), 'paparan-cli-'));
  mkdirSync(path.join(work, 'content'));
});
afterEach(() => {
  vi.restoreAllMocks();
  rmSync(work, { recursive: true, force: true });
});

const run = runCapturing;

function essay(name: string, content: string | Buffer): string {
  const file = path.join(work, 'content', name);
  writeFileSync(file, content);
  return file;
}

const good = '---\ntitle: Good Essay\nlang: en\n---\n\nThis paragraph is fine. It has two sentences.\n';
const out = () => path.join(work, 'dist');

describe('paparan build', () => {
  it('builds an essay and prints a one-line summary with slides, warnings, time and path', async () => {
    const file = essay('good.md', good);
    const result = await run('build', file, '--out', out(), '--no-pdf');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/✓ good: \d+ slides, 0 warnings, \d+\.\d\d s → .*dist\/good\/index\.html/);
    expect(existsSync(path.join(out(), 'good', 'index.html'))).toBe(true);
    expect(existsSync(path.join(out(), 'good', 'assets', 'reveal', 'reveal.js'))).toBe(true);
  });

  it('builds a plain-text essay directly, with its warnings on stderr', async () => {
    const file = essay('notes.txt', 'My Topic\nThis is the first paragraph of a plain text essay. It is short.\n');
    const result = await run('build', file, '--out', out(), '--no-pdf');
    expect(result.code).toBe(0);
    expect(readFileSync(path.join(out(), 'notes', 'index.html'), 'utf8')).toContain('first paragraph');
  });

  const badInputs: [string, string | Buffer, RegExp][] = [
    ['empty.md', '', /empty\.md: error: .*empty/],
    ['binary.md', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]), /binary\.md: error: .*not a text file/],
    ['yaml.md', '---\ntitle: [broken\n---\n\nText.\n', /yaml\.md:\d+: error: invalid front matter YAML/],
    ['image.md', '---\ntitle: T\n---\n\nText here.\n\n![A chart](missing.png)\n', /image\.md:7: error: image "missing\.png" not found/],
    ['outside.md', '---\ntitle: T\n---\n\n![Secret](../../etc/passwd)\n', /outside\.md:5: error: image .* outside the essay's folder/],
  ];

  for (const [name, content, message] of badInputs) {
    it(`rejects ${name} with one line naming the file, a non-zero exit, and keeps the last good deck`, async () => {
      const file = essay(name, good);
      expect((await run('build', file, '--out', out(), '--no-pdf')).code).toBe(0);
      const slug = name.replace(/\.md$/, '');
      const before = readFileSync(path.join(out(), slug, 'index.html'), 'utf8');

      writeFileSync(file, content);
      const result = await run('build', file, '--out', out(), '--no-pdf');
      expect(result.code).not.toBe(0);
      const errorLines = result.stderr.split('\n').filter((l) => l.includes('error:'));
      expect(errorLines).toHaveLength(1);
      expect(errorLines[0]).toMatch(message);
      expect(readFileSync(path.join(out(), slug, 'index.html'), 'utf8')).toBe(before);
      // No staging folder is left behind.
      expect(readdirSync(out()).filter((n) => n.startsWith('.paparan'))).toEqual([]);
    });
  }

  it('reports a missing file and a folder given as an essay', async () => {
    const missing = await run('build', path.join(work, 'content', 'nope.md'), '--out', out(), '--no-pdf');
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toMatch(/nope\.md: error: file not found/);
    mkdirSync(path.join(work, 'content', 'folder.md'));
    const folder = await run('build', path.join(work, 'content', 'folder.md'), '--out', out(), '--no-pdf');
    expect(folder.code).not.toBe(0);
    expect(folder.stderr).toMatch(/folder\.md: error: is a folder/);
  });

  it('warns about an unknown front matter key with its line, and still builds', async () => {
    const file = essay('unknown.md', '---\ntitle: T\nlang: en\nsubtitel: typo\n---\n\nText.\n');
    const result = await run('build', file, '--out', out(), '--no-pdf');
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/unknown\.md:4: warning: unknown front matter key "subtitel"/);
    expect(result.stdout).toMatch(/1 warning/);
  });

  it('builds the other essays when one fails, and exits non-zero', async () => {
    const bad = essay('a-bad.md', '');
    const fine = essay('b-good.md', good);
    const result = await run('build', bad, fine, '--out', out(), '--no-pdf');
    expect(result.code).toBe(1);
    expect(existsSync(path.join(out(), 'b-good', 'index.html'))).toBe(true);
    expect(existsSync(path.join(out(), 'a-bad'))).toBe(false);
  });

  it('builds an essay of one 4,000-word sentence: one summary slide (the sentence in its notes), or many with --detail full', async () => {
    const words = Array.from({ length: 4000 }, (_, i) => ['kata', 'panjang', 'sekali', 'tanpa', 'titik'][i % 5]);
    const file = essay('long.md', `---\ntitle: Panjang\nlang: id\n---\n\n${words.join(' ')}.\n`);
    const summary = await run('build', file, '--out', out(), '--no-pdf');
    expect(summary.code).toBe(0);
    expect(summary.stdout).toMatch(/✓ long: 3 slides/);
    const full = await run('build', file, '--out', out(), '--no-pdf', '--detail', 'full');
    expect(full.code).toBe(0);
    expect(full.stdout).toMatch(/✓ long: \d{2,} slides/);
  });

  it('treats content as data: no script, handler or javascript: URL survives, and {{...}} shows literally', async () => {
    const file = essay(
      'evil.md',
      '---\ntitle: "{{title}}"\nlang: en\n---\n\nHello {{constructor.constructor}} and <img src=x onerror="alert(1)"> [x](javascript:alert(1)) <b onclick="alert(2)">bold</b>.\n\n<script>alert(3)</script>\n\n<div onmouseover="alert(4)">block</div>\n',
    );
    const result = await run('build', file, '--out', out(), '--no-pdf');
    expect(result.code).toBe(0);
    const html = readFileSync(path.join(out(), 'evil', 'index.html'), 'utf8');
    const body = html.slice(html.indexOf('<div class="reveal">'), html.indexOf('<script type="application/json"'));
    expect(body).not.toMatch(/<script|onerror|onclick|onmouseover|javascript:/i);
    expect(body).toContain('{{constructor.constructor}}');
    expect(html).toContain('<title>{{title}}</title>');
    expect(body).toContain('<b>bold</b>');
  });

  it('warns about an image inside raw HTML, which would skip the image checks, and drops it', async () => {
    const file = essay('rawimg.md', '---\ntitle: T\nlang: en\n---\n\n<div><img src="../../../outside.png"></div>\n');
    const result = await run('build', file, '--out', out(), '--no-pdf');
    expect(result.stderr).toMatch(/rawimg\.md:6: warning: an image inside raw HTML/);
    expect(readFileSync(path.join(out(), 'rawimg', 'index.html'), 'utf8')).not.toContain('outside.png');
  });

  it('does not fetch a remote image: it warns and shows the alt text', async () => {
    const file = essay('remote.md', '---\ntitle: T\nlang: en\n---\n\nText.\n\n![A remote chart](https://example.com/chart.png)\n');
    const result = await run('build', file, '--out', out(), '--no-pdf');
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/remote\.md:8: warning: remote image/);
    const html = readFileSync(path.join(out(), 'remote', 'index.html'), 'utf8');
    expect(html).not.toContain('https://example.com/chart.png');
    expect(html).toContain('A remote chart');
  });

  it('copies a local image next to the deck', async () => {
    writeFileSync(path.join(work, 'content', 'chart.png'), Buffer.from('89504e470d0a1a0a', 'hex'));
    const file = essay('pic.md', '---\ntitle: T\nlang: en\n---\n\n![Chart of results](chart.png)\n');
    expect((await run('build', file, '--out', out(), '--no-pdf')).code).toBe(0);
    const html = readFileSync(path.join(out(), 'pic', 'index.html'), 'utf8');
    expect(html).toMatch(/<img src="media\/1-chart\.png" alt="Chart of results">/);
    expect(existsSync(path.join(out(), 'pic', 'media', '1-chart.png'))).toBe(true);
  });

  it('says in one line that a config file is a folder', async () => {
    const file = essay('good.md', good);
    mkdirSync(path.join(work, 'paparan.config.yaml'));
    const failed = await promisify(execFile)(process.execPath, [path.join(root, 'bin', 'paparan.js'), 'build', file, '--no-pdf'], { cwd: work }).catch((error: unknown) => error);
    expect(failed).toMatchObject({ code: 1, stdout: '', stderr: `${path.join(work, 'paparan.config.yaml')}: error: is a folder, not a config file: rename or remove the folder\n` });
  });

  it('names the available themes when the theme is unknown', async () => {
    const file = essay('themed.md', good);
    const result = await run('build', file, '--out', out(), '--no-pdf', '--theme', 'nope');
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/unknown theme "nope": choose one of .*default/);
  });
});

describe('paparan build never deletes what is not its own', () => {
  const errorLines = (stderr: string) => stderr.split('\n').filter((l) => l.includes('error:'));

  it('refuses an essay named ..md or .md, whose deck would replace the whole output folder', async () => {
    expect((await run('build', essay('good.md', good), '--out', out(), '--no-pdf')).code).toBe(0);
    writeFileSync(path.join(out(), 'mine.txt'), 'my own file');
    for (const name of ['..md', '.md']) {
      const result = await run('build', essay(name, good), '--out', out(), '--no-pdf');
      expect(result.code).toBe(1);
      expect(errorLines(result.stderr)).toEqual([`${path.join(work, 'content', name)}: error: cannot name the output after this file (${name === '.md' ? 'the file name has nothing before its extension' : '"." would name the output folder itself or its parent'}): rename the file, e.g. to my-essay.md`]);
    }
    expect(readdirSync(out()).sort()).toEqual(['good', 'mine.txt']);
    expect(readFileSync(path.join(out(), 'mine.txt'), 'utf8')).toBe('my own file');
  });

  it('refuses to replace a folder paparan did not make, such as the project\'s src/ with --out .', async () => {
    mkdirSync(path.join(work, 'src'));
    writeFileSync(path.join(work, 'src', 'main.ts'), 'export {};\n');
    const file = essay('src.md', good);
    const result = await run('build', file, '--out', work, '--no-pdf');
    expect(result.code).toBe(1);
    expect(errorLines(result.stderr)).toEqual([`${file}: error: ${path.join(work, 'src')}/ exists and was not made by paparan: move it away or choose another --out`]);
    expect(readdirSync(path.join(work, 'src'))).toEqual(['main.ts']);
  });

  it('stops, naming both files, when two essays have one file name, before writing anything (exit 2)', async () => {
    mkdirSync(path.join(work, 'a'));
    mkdirSync(path.join(work, 'b'));
    writeFileSync(path.join(work, 'a', 'essay.md'), good);
    writeFileSync(path.join(work, 'b', 'essay.md'), good);
    const result = await run('build', path.join(work, 'a', 'essay.md'), path.join(work, 'b', 'essay.md'), '--out', out(), '--no-pdf');
    expect(result.code).toBe(2);
    expect(result.stdout).not.toContain('✓');
    expect(errorLines(result.stderr)).toEqual([
      `error: ${path.join(work, 'a', 'essay.md')} and ${path.join(work, 'b', 'essay.md')} would both build ${path.join(out(), 'essay')}/: rename one of them, or build them one at a time with different --out folders`,
    ]);
    expect(existsSync(out())).toBe(false);
  });

  it('says --out cannot be used, with exit 2, for a folder that cannot be made or a file', async () => {
    if (process.platform === 'linux') {
      // Node's recursive mkdir spins at full CPU forever here; the check answers at once.
      const proc = await run('build', essay('good.md', good), '--out', '/proc/x', '--no-pdf');
      expect(proc.code).toBe(2);
      expect(errorLines(proc.stderr)).toEqual(['error: --out /proc/x: cannot create the output folder here: choose a folder you can write to']);
    }
    writeFileSync(path.join(work, 'notes.txt'), 'mine');
    const file = await run('build', essay('good.md', good), '--out', path.join(work, 'notes.txt'), '--no-pdf');
    expect(file.code).toBe(2);
    expect(errorLines(file.stderr)).toEqual([`error: --out ${path.join(work, 'notes.txt')}: is a file, not a folder: choose a folder for the decks`]);
    expect(readFileSync(path.join(work, 'notes.txt'), 'utf8')).toBe('mine');
  });

  it('lets six builds of one essay run at once, in separate processes: every one succeeds and nothing is left behind', async () => {
    const exec = promisify(execFile);
    const file = essay('good.md', good);
    const bin = path.join(root, 'bin', 'paparan.js');
    for (let round = 0; round < 3; round++) {
      const runs = await Promise.all(
        Array.from({ length: 6 }, () =>
          exec(process.execPath, [bin, 'build', file, '--out', out(), '--no-pdf'], { cwd: work }).then(
            () => 0,
            (error: { code: number; stderr: string }) => `${error.code}: ${error.stderr}`,
          ),
        ),
      );
      expect(runs).toEqual([0, 0, 0, 0, 0, 0]);
      expect(readdirSync(out())).toEqual(['good']);
    }
  }, 300_000);
});

describe('paparan build with PDFs', () => {
  const exec = promisify(execFile);

  it('prints only the PDFs asked for, with the handout options from the command line', async () => {
    const file = essay('english.md', readFileSync(path.join(root, 'tests/fixtures/essays/english.md')));
    writeFileSync(path.join(work, 'content', 'chart.png'), readFileSync(path.join(root, 'tests/fixtures/essays/chart.png')));
    const result = await run('build', file, '--out', out(), '--pdf', 'handout', '--handout', '6', '--paper', 'letter');
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/english: handout\.pdf \d+(\.\d)? s \(\d+ pages?\)/);
    const dir = path.join(out(), 'english');
    expect(existsSync(path.join(dir, 'slides.pdf'))).toBe(false);
    expect(existsSync(path.join(dir, 'notes.pdf'))).toBe(false);
    const info = (await exec('pdfinfo', [path.join(dir, 'handout.pdf')])).stdout;
    expect(info).toMatch(/Page size:\s+612(\.\d+)? x 792(\.\d+)? pts \(letter\)/);
    const slides = Number(/(\d+) slides/.exec(result.stdout)![1]);
    expect(Number(/Pages:\s+(\d+)/.exec(info)![1])).toBe(Math.ceil(slides / 6));
  });

  it('still builds the deck when the browser is missing, says how to get one, and exits 3', async () => {
    const file = essay('good.md', good);
    const result = await run('build', file, '--out', out(), '--browser', path.join(work, 'no-such-chrome'));
    expect(result.code).toBe(3);
    expect(existsSync(path.join(out(), 'good', 'index.html'))).toBe(true);
    expect(existsSync(path.join(out(), 'good', 'slides.pdf'))).toBe(false);
    const errors = result.stderr.split('\n').filter((l) => l.includes('error:'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('no-such-chrome');
  });

  it('says nothing of a missing browser when every essay asks for no PDF in its front matter (the browser is started early, on a guess)', async () => {
    const file = essay('good.md', good.replace('lang: en\n', 'lang: en\npdf: false\n'));
    const result = await run('build', file, '--out', out(), '--browser', path.join(work, 'no-such-chrome'));
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(existsSync(path.join(out(), 'good', 'index.html'))).toBe(true);
  });

  it('prints every PDF of every essay with one browser, closed once the last essay has printed, leaving no profile behind', async () => {
    const profiles = () => readdirSync(os.tmpdir()).filter((name) => name.startsWith('paparan-chrome-'));
    const before = profiles();
    const first = essay('first.md', good);
    const second = essay('second.md', good.replace('Good Essay', 'Second Essay'));
    const result = await run('build', first, second, '--out', out());
    expect(result.code).toBe(0);
    for (const slug of ['first', 'second']) {
      for (const kind of ['slides', 'handout', 'notes']) expect(readFileSync(path.join(out(), slug, `${kind}.pdf`)).subarray(0, 5).toString(), `${slug}/${kind}.pdf`).toBe('%PDF-');
    }
    // Other test files may run browsers at the same time: only ask that this build left none of its own.
    expect(profiles().filter((name) => !before.includes(name))).toEqual([]);
  });

  /** A deck as an earlier build with PDFs left it (the PDFs stand in for real ones). */
  async function deckWithPdfs(file: string): Promise<string> {
    expect((await run('build', file, '--out', out(), '--no-pdf')).code).toBe(0);
    const dir = path.join(out(), path.basename(file, '.md'));
    for (const kind of ['slides', 'handout', 'notes']) writeFileSync(path.join(dir, `${kind}.pdf`), `%PDF earlier ${kind}`);
    writeFileSync(path.join(dir, 'handout.html'), '<p>earlier handout</p>');
    return dir;
  }

  it('without a browser, publishes the new deck but keeps the last PDFs, marked stale, with one warning and exit 3', async () => {
    const file = essay('good.md', good);
    const dir = await deckWithPdfs(file);
    writeFileSync(file, good.replace('This paragraph is fine.', 'This paragraph is new.'));
    const result = await run('build', file, '--out', out(), '--browser', path.join(work, 'no-such-chrome'));
    expect(result.code).toBe(3);
    expect(readFileSync(path.join(dir, 'index.html'), 'utf8')).toContain('This paragraph is new.');
    for (const kind of ['slides', 'handout', 'notes']) expect(readFileSync(path.join(dir, `${kind}.pdf`), 'utf8')).toBe(`%PDF earlier ${kind}`);
    expect(readFileSync(path.join(dir, 'handout.html'), 'utf8')).toBe('<p>earlier handout</p>');
    const warnings = result.stderr.split('\n').filter((l) => l.includes('warning:'));
    expect(warnings).toEqual([
      `${file}: warning: slides.pdf, handout.pdf and notes.pdf are from the previous build, not this one: install Chromium (or pass --browser PATH) and build again`,
    ]);
    expect(result.stderr.split('\n').filter((l) => l.includes('error:'))).toHaveLength(1);
    const manifest = JSON.parse(readFileSync(path.join(dir, '.paparan.json'), 'utf8')) as { pdfs: { file: string; current: boolean }[] };
    expect(manifest.pdfs.map((pdf) => `${pdf.file} ${pdf.current}`)).toEqual(['slides.pdf false', 'handout.pdf false', 'notes.pdf false']);
  });

  it('when printing fails, publishes the deck, keeps the last PDF, says both, and exits 4', async () => {
    const file = essay('good.md', good);
    const dir = await deckWithPdfs(file);
    // A layout that hides the slides from the print pages: handout.pdf cannot be made.
    mkdirSync(path.join(work, 'templates'));
    const layout = readFileSync(path.join(root, 'templates', 'layout.hbs'), 'utf8').replace('<div class="slides">', '<div class="slides"><div>').replace('{{/each}}\n    </div>', '{{/each}}\n    </div></div>');
    writeFileSync(path.join(work, 'templates', 'layout.hbs'), layout);
    const cwd = process.cwd();
    process.chdir(work);
    let result: Awaited<ReturnType<typeof run>>;
    try {
      result = await run('build', file, '--out', out(), '--pdf', 'handout');
    } finally {
      process.chdir(cwd);
    }
    expect(result.code).toBe(4);
    expect(result.stdout).toMatch(/✓ good: /);
    expect(result.stderr.split('\n').filter((l) => l.includes('error:'))).toEqual([expect.stringMatching(new RegExp(`^${file}: error: index\\.html has 0 slides where \\d+ were planned`))]);
    expect(result.stderr).toContain(`${file}: warning: handout.pdf is from the previous build, not this one: fix the printing error above and build again`);
    expect(readFileSync(path.join(dir, 'handout.pdf'), 'utf8')).toBe('%PDF earlier handout');
    expect(readFileSync(path.join(dir, 'index.html'), 'utf8')).toContain('<div class="slides"><div>');
  });

  it('stops a PDF that takes longer than --timeout, with one line that names the option, and still publishes the deck', async () => {
    const file = essay('slow.md', good);
    const result = await run('build', file, '--out', out(), '--pdf', 'slides', '--timeout', '0.01');
    expect(result.code).toBe(4);
    const errors = result.stderr.split('\n').filter((l) => l.includes('error:'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/slow\.md: error: slides\.pdf: printing took longer than 0\.01 s and was stopped: .*--timeout 1$/);
    expect(existsSync(path.join(out(), 'slow', 'index.html'))).toBe(true);
  });

  it('on Ctrl-C while printing says only that it was interrupted, exits 130 and keeps the last good deck', async () => {
    const file = essay('talk.md', good);
    expect((await run('build', file, '--out', out(), '--no-pdf')).code).toBe(0);
    const published = readFileSync(path.join(out(), 'talk', 'index.html'), 'utf8');
    // A deck whose slides never finish loading (the print pages carry each slide's markup, script and all):
    // the PDF is still printing whenever Ctrl-C comes.
    mkdirSync(path.join(work, 'templates'));
    writeFileSync(
      path.join(work, 'templates', 'layout.hbs'),
      '<!doctype html><html><body><div class="reveal"><div class="slides">{{#each slides}}<section><script>for (;;) {}</script></section>{{/each}}</div></div></body></html>\n',
    );
    const child = spawn(process.execPath, [path.join(root, 'bin', 'paparan.js'), 'build', file, '--out', out(), '--pdf', 'slides', '--timeout', '600'], { cwd: work });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    while (child.exitCode === null && !browserStartedBy(child.pid!)) await new Promise((resolve) => setTimeout(resolve, 50));
    await new Promise((resolve) => setTimeout(resolve, 2000)); // the page is open and loading by then
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    expect(stdout).toBe('');
    expect(stderr).toBe('paparan: interrupted\n');
    expect(readFileSync(path.join(out(), 'talk', 'index.html'), 'utf8')).toBe(published);
    expect(readdirSync(out())).toEqual(['talk']);
  });

  it.each(['0', '-5', 'soon', '1e9'])('rejects --timeout %s with the range it takes', async (value) => {
    const result = await run('build', essay('t.md', good), '--no-pdf', '--timeout', value);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--timeout.*expected a number of seconds, more than 0 and at most 86400/);
  });

  it('rejects an unknown PDF kind or handout layout on the command line', async () => {
    expect((await run('build', essay('x.md', good), '--pdf', 'poster')).code).toBe(2);
    expect((await run('build', essay('y.md', good), '--handout', '5', '--no-pdf')).code).toBe(2);
  });
});

/** True once `pid` has started its headless browser (Linux: from /proc). */
function browserStartedBy(pid: number): boolean {
  return readdirSync('/proc').some((name) => {
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      return ppid === pid && readFileSync(`/proc/${name}/cmdline`, 'utf8').includes('paparan-chrome-');
    } catch {
      return false; // not a process, or it exited while we looked
    }
  });
}

describe('paparan import', () => {
  it('writes content/<slug>.md from the shared plain-text essay, warning about the stray Â', async () => {
    const source = path.resolve(root, '../shared/essays/kerja-sama-selatan-selatan.txt');
    const target = path.join(work, 'content');
    const result = await run('import', source, '--out', target);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/kerja-sama-selatan-selatan\.txt:8: warning: .*Â/);
    const markdown = readFileSync(path.join(target, 'kerja-sama-selatan-selatan.md'), 'utf8');
    expect(markdown).toMatch(/^---\ntitle: /);
    expect(markdown).toContain('lang: id');
    expect(markdown.match(/^## /gm)).toHaveLength(3);
    expect(markdown).not.toContain('Â');
  });

  it('refuses to overwrite an existing file without --force', async () => {
    const source = essay('draft.txt', 'Judul\nIni paragraf pertama yang cukup panjang untuk sebuah esai pendek.\n');
    expect((await run('import', source, '--out', path.join(work, 'content'))).code).toBe(0);
    const again = await run('import', source, '--out', path.join(work, 'content'));
    expect(again.code).not.toBe(0);
    expect(again.stderr).toMatch(/already exists: pass --force/);
  });
});

describe('a mistyped command', () => {
  it.each([
    ['serv', 'serve'],
    ['biuld', 'build'],
    ['themse', 'themes'],
    ['improt', 'import'],
  ])('"%s" says "did you mean %s?" and exits 2, building nothing', async (typo, meant) => {
    const result = await run(typo, '--out', out());
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`paparan: unknown command "${typo}": did you mean ${meant}?`);
    expect(existsSync(out())).toBe(false);
  });

  it('still builds a file of that name when it exists, and says "file not found" for a word like no command', async () => {
    writeFileSync(path.join(work, 'serv'), good);
    const built = await promisify(execFile)(process.execPath, [path.join(root, 'bin', 'paparan.js'), 'serv', '--out', out(), '--no-pdf'], { cwd: work });
    expect(built.stdout).toMatch(/^✓ serv: \d+ slides/);
    const missing = await run('xyzzy', '--no-pdf', '--out', out());
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^xyzzy: error: file not found/);
    const explicit = await run('build', 'biuld', '--no-pdf', '--out', out());
    expect(explicit.stderr).toMatch(/^biuld: error: file not found/);
  });
});

describe('the installed command', () => {
  const exec = promisify(execFile);
  it('prints its version and help, and exits 2 on an unknown option', async () => {
    const bin = path.join(root, 'bin', 'paparan.js');
    const version = await exec(process.execPath, [bin, '--version']);
    expect(version.stdout.trim()).toBe(JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).version);
    const help = await exec(process.execPath, [bin, 'build', '--help']);
    expect(help.stdout).toContain('--no-pdf');
    await expect(exec(process.execPath, [bin, 'build', '--bogus'])).rejects.toMatchObject({ code: 2 });
  });
});
