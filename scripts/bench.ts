/**
 * `npm run bench`: how long users wait. Prints figures, asserts nothing.
 *
 *  1. Side by side with Marp CLI, as a user runs them (one process each,
 *     alternating, medians): our full build, `--pdf slides` and `--no-pdf` of
 *     the shared essay against Marp's `--pdf` and HTML of the same essay made
 *     into a Marp deck by hand (scripts/bench/marp-deck.md), with the ratios.
 *     `npm run bench -- compare` runs this part only; BENCH_RUNS sets the runs (5).
 *  2. The shared essay and generated essays of about 25, 50, 100 and 250 slides:
 *     full build with all three PDFs, time per stage, ms per slide, peak memory.
 *  3. Live preview: time from saving a content file to the browser showing
 *     the change (median of several edits).
 *  3. slides.pptx of the shared essay: its time on top of the build.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findBrowser, missingBrowserMessage, startBrowser, withPage, type BrowserSession } from '../src/browser.js';
import { buildEssay, compileEssay, loadEssay } from '../src/build.js';
import { defaultPdfOptions, exportPdfs, type PdfResult } from '../src/export-pdf.js';
import { parseEssay, slugFromPath } from '../src/parse.js';
import { planDeck } from '../src/plan/deck.js';
import { startPreview } from '../src/preview.js';
import { renderDeck } from '../src/render.js';
import { builtinTemplatesDir, loadTemplates } from '../src/templates.js';
import { compileIfStale } from './compile-if-stale.mjs';

const root = path.resolve(import.meta.dirname, '..');
const work = mkdtempSync(path.join(os.tmpdir(), 'paparan-bench-'));
const sharedEssay = path.join(root, 'content/kerja-sama-selatan-selatan.md');

const ms = (start: number) => performance.now() - start;
const fmt = (value: number) => `${Math.round(value)} ms`.padStart(8);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** An essay of `sections` sections of prose paragraphs, like a long student paper. */
function generatedEssay(sections: number): string {
  const words = 'negara berkembang kerja sama ekonomi pembangunan diplomasi bantuan teknologi pelatihan internasional kebijakan'.split(' ');
  let seed = 7;
  const next = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  const sentence = () => {
    const n = 10 + Math.floor(next() * 20);
    const text = Array.from({ length: n }, () => words[Math.floor(next() * words.length)]).join(' ');
    return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
  };
  const parts = ['---', 'title: Esai Panjang untuk Uji Kecepatan', 'lang: id', '---', ''];
  for (let s = 1; s <= sections; s++) {
    parts.push(`## Bagian ${s}`, '');
    for (let p = 0; p < 3; p++) parts.push(Array.from({ length: 5 }, sentence).join(' '), '');
  }
  return parts.join('\n');
}

interface Row {
  name: string;
  slides: number;
  stages: Record<string, number>;
  pdfs: PdfResult[];
  total: number;
}

async function benchEssay(name: string, file: string, session: BrowserSession): Promise<Row> {
  const stages: Record<string, number> = {};
  let t = performance.now();
  const { source } = await loadEssay(file);
  stages.load = ms(t);
  t = performance.now();
  const doc = parseEssay({ source, file, baseDir: path.dirname(file), slug: slugFromPath(file) });
  stages.parse = ms(t);
  t = performance.now();
  const deck = planDeck(doc);
  stages.plan = ms(t);
  // The first plan loads the stopword lists; the user's rebuilds (serve) plan warm: median of five.
  const warm = Array.from({ length: 5 }, () => {
    const start = performance.now();
    planDeck(doc);
    return ms(start);
  }).sort((a, b) => a - b);
  stages['plan (warm)'] = warm[2]!;
  t = performance.now();
  renderDeck(deck, loadTemplates([builtinTemplatesDir]), 'bench');
  stages.render = ms(t);

  let pdfs: PdfResult[] = [];
  t = performance.now();
  const result = await buildEssay(file, {
    outDir: path.join(work, 'dist'),
    afterWrite: async ({ compiled, dir }) => {
      pdfs = await exportPdfs(session, compiled.deck, dir, defaultPdfOptions);
    },
  });
  const total = ms(t);
  if (!result.ok) throw result.error;
  return { name, slides: result.slides, stages, pdfs, total };
}

async function benchLiveReload(session: BrowserSession): Promise<number[]> {
  const content = path.join(work, 'live');
  mkdirSync(content, { recursive: true });
  const essay = path.join(content, 'kerja-sama-selatan-selatan.md');
  const original = readFileSync(sharedEssay, 'utf8');
  writeFileSync(essay, original);
  const preview = await startPreview({ files: [essay], outDir: path.join(work, 'live-dist'), projectDir: root, port: 0, onResult: () => {}, onError: () => {} });
  const delays: number[] = [];
  try {
    await withPage(session, async (page) => {
      await page.goto(`${preview.urls[essay]}#/pendahuluan`);
      await page.waitForFunction(() => (window as unknown as { Reveal?: { isReady(): boolean } }).Reveal?.isReady());
      for (let i = 1; i <= 7; i++) {
        const marker = `Suntingan ${i}`;
        const started = performance.now();
        writeFileSync(essay, original.replace('Di tengah dinamika global', `${marker} di tengah dinamika global`));
        await page.waitForFunction((m) => document.querySelector('.slides section.present')?.textContent?.includes(m), { timeout: 10_000, polling: 'mutation' }, marker);
        delays.push(ms(started));
      }
    });
  } finally {
    await preview.close();
  }
  return delays;
}

/** What slides.pptx adds to a build of the shared essay (no PDFs), median of three; and loading its modules once (pptxgenjs, jszip; under tsx, compiling them too). */
async function benchPptx(): Promise<{ load: number; warm: number; slides: number; bytes: number }> {
  const outDir = mkdtempSync(path.join(os.tmpdir(), 'paparan-bench-pptx-'));
  const build = async (pptx: boolean) => {
    const started = performance.now();
    const result = await buildEssay(sharedEssay, { outDir, cli: { pdf: false, pptx } });
    if (!result.ok) throw result.error;
    return { ms: ms(started), result };
  };
  try {
    const started = performance.now();
    await import('../src/export-pptx.js');
    const load = ms(started);
    await build(false);
    await build(true);
    const plain = median([(await build(false)).ms, (await build(false)).ms, (await build(false)).ms]);
    const warm = [await build(true), await build(true), await build(true)];
    const { slides, pptx } = warm[0]!.result as Extract<Awaited<ReturnType<typeof buildEssay>>, { ok: true }>;
    return { load, warm: median(warm.map((w) => w.ms)) - plain, slides, bytes: pptx?.bytes ?? 0 };
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

/** Resident memory of a process and all its descendants, in MB (Linux `ps`); 0 where ps is missing. */
function treeRssMb(rootPid: number): number {
  let table: string;
  try {
    table = execFileSync('ps', ['-eo', 'pid=,ppid=,rss='], { encoding: 'utf8' });
  } catch {
    return 0;
  }
  const rows = table.trim().split('\n').map((line) => line.trim().split(/\s+/).map(Number) as [number, number, number]);
  const inTree = new Set([rootPid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [pid, ppid] of rows) if (inTree.has(ppid) && !inTree.has(pid)) (inTree.add(pid), (grew = true));
  }
  return rows.filter(([pid]) => inTree.has(pid)).reduce((sum, [, , rss]) => sum + rss, 0) / 1024;
}

/** reveal-md 6.1 `--static` of the shared essay, as measured for issue 13 (reveal-md is not installed here). */
const REVEAL_MD_STATIC_QUOTED_MS = 750;

/** Preloaded into a timed Node command: writes the CPU time (user + sys, ms) it used to BENCH_CPU_FILE as it exits. */
const cpuProbe = `data:text/javascript,${encodeURIComponent("import { writeFileSync } from 'node:fs'; process.on('exit', () => { const u = process.cpuUsage(); writeFileSync(process.env.BENCH_CPU_FILE, String((u.user + u.system) / 1000)); });")}`;

/** Wall time of one Node command and the CPU time of its Node process (not of the browser it starts), in ms; throws when it fails. */
function timeCommand(command: string[], env: NodeJS.ProcessEnv = process.env): { wall: number; cpu: number } {
  const cpuFile = path.join(work, 'cpu.txt');
  const started = performance.now();
  const run = spawnSync(command[0]!, ['--import', cpuProbe, ...command.slice(1)], { cwd: root, env: { ...env, BENCH_CPU_FILE: cpuFile }, encoding: 'utf8' });
  const wall = ms(started);
  if (run.status !== 0) throw new Error(`${command.join(' ')} failed (${run.status}): ${run.stderr}`);
  return { wall, cpu: Number(readFileSync(cpuFile, 'utf8')) };
}

/** Part 1: our CLI and Marp CLI, each a fresh process as a user runs it, alternating so that load on the machine hits both alike. */
function benchAgainstMarp(runs: number): void {
  if (compileIfStale() !== 0) throw new Error('could not compile src/ into lib/');
  const out = path.join(work, 'compare');
  const paparan = (...flags: string[]) => [process.execPath, path.join(root, 'bin/paparan.js'), 'build', sharedEssay, '-o', out, '-q', ...flags];
  const marpCli = path.join(root, 'node_modules/@marp-team/marp-cli/marp-cli.js');
  const marpDeck = path.join(root, 'scripts/bench/marp-deck.md');
  const marp = (...flags: string[]) => [process.execPath, marpCli, '--no-stdin', marpDeck, ...flags];
  // Marp prints with the same browser as paparan: the one paparan finds (the headless shell where it is installed).
  const browser = process.env.CHROME_PATH ?? findBrowser();
  if (!browser) throw new Error(missingBrowserMessage());
  const sameBrowser = { ...process.env, CHROME_PATH: browser, PUPPETEER_EXECUTABLE_PATH: browser };
  console.log(`Browser for both: ${browser}`);
  const commands: [name: string, command: string[], env?: NodeJS.ProcessEnv][] = [
    ['paparan: full build (deck + 3 PDFs)', paparan(), sameBrowser],
    ['Marp CLI 4.5.1: --pdf', marp('--pdf', '-o', path.join(work, 'marp.pdf')), sameBrowser],
    ['paparan: --pdf slides', paparan('--pdf', 'slides'), sameBrowser],
    ['paparan: --no-pdf', paparan('--no-pdf'), sameBrowser],
    ['Marp CLI 4.5.1: HTML', marp('-o', path.join(work, 'marp.html')), sameBrowser],
  ];
  // One untimed round: the disk cache and the first Chromium start are nobody's fault.
  for (const [, command, env] of commands) timeCommand(command, env);
  const times = new Map(commands.map(([name]) => [name, [] as number[]]));
  const cpu = new Map(commands.map(([name]) => [name, [] as number[]]));
  const loadBefore = os.loadavg();
  for (let round = 0; round < runs; round++) {
    // Rotate the order each round: no command always runs right after the same one.
    for (let i = 0; i < commands.length; i++) {
      const [name, command, env] = commands[(i + round) % commands.length]!;
      const took = timeCommand(command, env);
      times.get(name)!.push(took.wall);
      cpu.get(name)!.push(took.cpu);
    }
  }
  const loadAfter = os.loadavg();
  const med = (name: string) => median(times.get(name)!);
  console.log(`Side by side, ${runs} runs each, alternating, medians (load average ${loadBefore[0]!.toFixed(2)} before, ${loadAfter[0]!.toFixed(2)} after, ${os.cpus().length} cores):`);
  // CPU time is steadier than wall time on a shared machine; it counts the Node process only, not Chromium.
  for (const [name] of commands) console.log(`  ${name.padEnd(42)} ${fmt(med(name))}   (runs: ${times.get(name)!.map((t) => Math.round(t)).join(', ')} ms; Node's CPU ${Math.round(median(cpu.get(name)!))} ms)`);
  console.log(`  ${'reveal-md 6.1 --static (quoted, not run)'.padEnd(42)} ${fmt(REVEAL_MD_STATIC_QUOTED_MS)}   (issue 13's figure on this machine; reveal-md is not installed)`);
  const ratio = (a: number, b: number) => (a / b).toFixed(2);
  const marpPdf = med('Marp CLI 4.5.1: --pdf');
  console.log('Ratios (goal in brackets):');
  console.log(`  full build / Marp --pdf        ${ratio(med('paparan: full build (deck + 3 PDFs)'), marpPdf)}   (≤ 0.70)`);
  console.log(`  --pdf slides / Marp --pdf      ${ratio(med('paparan: --pdf slides'), marpPdf)}`);
  console.log(`  --no-pdf / Marp HTML           ${ratio(med('paparan: --no-pdf'), med('Marp CLI 4.5.1: HTML'))}`);
  console.log(`  --no-pdf / reveal-md (quoted)  ${ratio(med('paparan: --no-pdf'), REVEAL_MD_STATIC_QUOTED_MS)}   (≤ 0.50)`);
}

async function main(): Promise<void> {
  benchAgainstMarp(Number(process.env.BENCH_RUNS ?? 5));
  if (process.argv.includes('compare')) {
    rmSync(work, { recursive: true, force: true });
    return;
  }
  console.log('');
  const essays: [string, string][] = [['shared essay', sharedEssay]];
  for (const sections of [6, 12, 24, 60]) {
    const file = path.join(work, `generated-${sections}.md`);
    writeFileSync(file, generatedEssay(sections));
    essays.push([`generated, ${sections} sections`, file]);
  }
  // Warm the compiler once so that the first essay is not charged for module start-up.
  compileEssay(readFileSync(sharedEssay, 'utf8'), { file: sharedEssay });

  let t = performance.now();
  const session = await startBrowser();
  const browserStart = ms(t);
  const rows: Row[] = [];
  let delays: number[] = [];
  // Sample the browser's memory while it prints: its peak is most of what a build needs.
  const browserPid = session.process.pid;
  let browserPeakMb = 0;
  const sampler = setInterval(() => {
    if (browserPid) browserPeakMb = Math.max(browserPeakMb, treeRssMb(browserPid));
  }, 200);
  try {
    for (const [name, file] of essays) rows.push(await benchEssay(name, file, session));
    delays = await benchLiveReload(session);
  } finally {
    clearInterval(sampler);
    await session.close();
    rmSync(work, { recursive: true, force: true });
  }

  console.log(`browser start                ${fmt(browserStart)}`);
  for (const row of rows) {
    console.log(`\n${row.name}: ${row.slides} slides`);
    for (const [stage, value] of Object.entries(row.stages)) console.log(`  ${stage.padEnd(26)} ${fmt(value)}`);
    for (const pdf of row.pdfs) console.log(`  ${`${pdf.kind}.pdf (${pdf.pages} pages)`.padEnd(26)} ${fmt(pdf.ms)}`);
    console.log(`  ${'total build with all PDFs'.padEnd(26)} ${fmt(row.total)}   (${(row.total / row.slides).toFixed(1)} ms per slide)`);
    console.log(`  ${'deck + PDFs + browser start'.padEnd(26)} ${fmt(row.total + browserStart)}`);
  }
  console.log(`\nlive reload, save → browser shows it: median ${fmt(median(delays))} (runs: ${delays.map((d) => Math.round(d)).join(', ')} ms)`);
  console.log(`peak memory: paparan (Node) ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB, browser ${browserPeakMb.toFixed(0)} MB (sampled every 200 ms)`);
  const pptx = await benchPptx();
  console.log(`slides.pptx of the shared essay (${pptx.slides} slides, ${Math.round(pptx.bytes / 1024)} KB): +${Math.round(pptx.warm)} ms on top of the build (median of 3; loading its modules once: ${Math.round(pptx.load)} ms)`);
}

await main();
