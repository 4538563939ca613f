/**
 * `paparan check`: the deck doctor. Plans each essay as a build would and
 * prints the figures that say whether the deck can be presented unedited
 * (src/plan/metrics.ts holds them and their bounds), plus unresolved
 * citations. A figure out of bounds makes the check fail, for CI.
 */
import { compileEssay, loadEssay } from './build.js';
import type { CliSettings } from './config.js';
import { asPaparanError, type Diagnostic } from './errors.js';
import { figuresOutOfBounds, measureDeck, type DeckFigures } from './plan/metrics.js';

export interface CheckResult {
  file: string;
  figures?: DeckFigures;
  /** Figures outside their bounds, and citations with no reference. */
  problems: string[];
  diagnostics: Diagnostic[];
}

/** Plans one essay and measures its deck. */
export async function checkEssay(file: string, cli: CliSettings = {}): Promise<CheckResult> {
  let loaded: Awaited<ReturnType<typeof loadEssay>> | undefined;
  try {
    loaded = await loadEssay(file);
    const compiled = compileEssay(loaded.source, { file, cli, baseDir: loaded.baseDir });
    const figures = measureDeck(compiled.deck, compiled.doc);
    const diagnostics = [...loaded.diagnostics, ...compiled.diagnostics];
    const citations = diagnostics.filter((d) => d.message.startsWith('citation '));
    const problems = [...figuresOutOfBounds(figures), ...(citations.length ? [`${citations.length} citations have no reference`] : [])];
    return { file, figures, problems, diagnostics };
  } catch (error) {
    return { file, problems: [asPaparanError(error, file).message], diagnostics: [] };
  } finally {
    await loaded?.dispose?.();
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
