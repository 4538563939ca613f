/**
 * `paparan check`: the deck doctor. Plans each essay as a build would and
 * prints the figures that say whether the deck can be presented unedited
 * (src/plan/metrics.ts holds them and their bounds), unresolved citations,
 * and, when a browser is found, the slides that overflow once laid out.
 * A figure out of bounds makes the check fail, for CI.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { buildEssay, compileEssay, loadEssay } from './build.js';
import { startBrowser, type BrowserSession } from './browser.js';
import { authorList } from './byline.js';
import type { CliSettings } from './config.js';
import { measureFit, withDeck } from './deck-fit.js';
import { asPaparanError, type Diagnostic } from './errors.js';
import { figuresOutOfBounds, measureDeck, type DeckFigures } from './plan/metrics.js';

export interface CheckResult {
  file: string;
  figures?: DeckFigures;
  /** Ids of the slides whose content reaches past the slide; undefined when no browser measured them. */
  overflowing?: string[];
  /** Figures outside their bounds, overflowing slides, and citations with no reference. */
  problems: string[];
  /** What the deck should have but a talk can do without (an author): printed, never failing the check. */
  warnings: string[];
  diagnostics: Diagnostic[];
}

/** Plans one essay and measures its deck; with a browser session, lays it out and measures every slide too. */
export async function checkEssay(file: string, cli: CliSettings = {}, session?: BrowserSession): Promise<CheckResult> {
  let loaded: Awaited<ReturnType<typeof loadEssay>> | undefined;
  try {
    loaded = await loadEssay(file);
    const compiled = compileEssay(loaded.source, { file, cli, baseDir: loaded.baseDir });
    const figures = measureDeck(compiled.deck, compiled.doc);
    const diagnostics = [...loaded.diagnostics, ...compiled.diagnostics];
    const citations = diagnostics.filter((d) => d.message.startsWith('citation '));
    const overflowing = session ? await overflowingSlides(file, cli, session) : undefined;
    const problems = [
      ...figuresOutOfBounds(figures),
      ...(overflowing?.length ? [`${overflowing.length} slides overflow: ${overflowing.join(', ')}`] : []),
      ...(citations.length ? [`${citations.length} citations have no reference`] : []),
    ];
    const warnings = authorList(compiled.deck.meta).length === 0 ? ['no author: add "author:" to the front matter'] : [];
    return { file, figures, overflowing, problems, warnings, diagnostics };
  } catch (error) {
    return { file, problems: [asPaparanError(error, file).message], warnings: [], diagnostics: [] };
  } finally {
    await loaded?.dispose?.();
  }
}

/** Builds the deck into a temporary folder (never dist/), opens it offline and lists the slides that do not fit. */
async function overflowingSlides(file: string, cli: CliSettings, session: BrowserSession): Promise<string[]> {
  const outDir = await mkdtemp(path.join(os.tmpdir(), 'paparan-check-'));
  try {
    const result = await buildEssay(file, { outDir, cli });
    if (!result.ok) throw result.error;
    const { value } = await withDeck(session, result.outDir, (page) => page.evaluate(measureFit));
    return value.filter((slide) => slide.overflowY > 1 || slide.overflowX > 1).map((slide) => slide.id);
  } finally {
    await rm(outDir, { recursive: true, force: true });
  }
}

/** Starts the browser `check` measures with, or explains in one line why it cannot. */
export async function startCheckBrowser(executablePath?: string): Promise<{ session?: BrowserSession; reason?: string }> {
  try {
    return { session: await startBrowser({ executablePath }) };
  } catch (error) {
    return { reason: asPaparanError(error).message };
  }
}

/** The figures as the lines `paparan check` prints. */
export function formatFigures(f: DeckFigures): string[] {
  const pct = (x: number) => `${Math.round(x * 100)}%`;
  return [
    `slides: ${f.slides} (${f.contentSlides} content)`,
    `words per bullet: median ${f.bulletWordsMedian}, max ${f.bulletWordsMax}; words per slide: max ${f.slideWordsMax}`,
    `fragments: ${f.fragments}; continuations: ${f.continuations}; single-bullet slides: ${f.singleBulletSlides}`,
    `distinct titles: ${pct(f.distinctTitleShare)}; titles equal to their heading: ${f.titlesEqualToHeading}`,
    `essay words shown on slides: ${pct(f.shownShare)}; sentences missing from the notes: ${f.sentencesMissing.length}`,
  ];
}
