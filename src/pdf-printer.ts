/**
 * The PDF step of a build: one browser for every essay, started when the
 * first essay asks for PDFs. When no browser exists the HTML decks are still
 * published, and the missing browser is reported once at the end; when
 * printing fails the deck is published too, and the essay's result says why.
 */
import { openAhead, startBrowser, type BrowserOptions, type BrowserSession } from './browser.js';
import type { PdfStep, StagedDeck } from './build.js';
import { BrowserError, ExitCode, type Diagnostic } from './errors.js';
import type { PdfResult } from './export-pdf.js';

export class PdfPrinter {
  private session?: Promise<BrowserSession>;
  /** The session once it has started: close() reaches it at once, not a turn of the event loop later. */
  private started?: BrowserSession;
  /** Set when PDFs were asked for but no browser could be found or started. */
  unavailable?: BrowserError;

  /** Requests the printed pages tried to make outside the deck (all refused): the PDF may miss an image or font. */
  readonly warnings: Diagnostic[] = [];

  /** Essays printed so far. */
  private printed = 0;

  /**
   * `essays`: how many essays the build has; once the last has printed its pages, the browser is closed while
   * its PDFs are composed, not after (closing takes some 50 ms, removing its profile included).
   */
  constructor(
    private readonly onProgress?: (slug: string, message: string) => void,
    private readonly essays = Infinity,
  ) {}

  /**
   * Starts the browser now, before any essay asks for it, so that its start-up overlaps the build's own work;
   * resolves once its process is spawned. A browser that cannot be found or started is reported only when an
   * essay asks for PDFs.
   */
  warmUp(executablePath: string | undefined): Promise<void> {
    if (this.session) return Promise.resolve();
    const spawning = new Promise<void>((spawned) => {
      this.session = this.start({ executablePath, onSpawn: spawned }).then((session) => {
        // The one tab printing takes.
        openAhead(session, 1);
        return session;
      });
      this.session.catch(() => spawned()); // reported by print(), which awaits the same promise
    });
    // Then the printing code, beside the build code: after the compile, the first tab is set up sooner.
    void spawning.then(() => import('./export-pdf.js').catch(() => {}));
    return spawning;
  }

  /**
   * Prints the PDFs the essay's settings ask for into its staging folder (a
   * build's `pdfs` step). A missing browser or a failed print does not fail the
   * essay: the deck is still published, and the build keeps the previous PDFs.
   */
  readonly print = async ({ compiled, dir }: StagedDeck): Promise<PdfStep> => {
    const { settings, deck } = compiled;
    const asked = [...settings.pdf];
    if (asked.length === 0 || this.unavailable) return { asked };
    let session: BrowserSession;
    try {
      session = await (this.session ??= this.start({ executablePath: settings.browser }));
    } catch (error) {
      if (error instanceof BrowserError && error.exitCode === ExitCode.noBrowser) {
        this.unavailable = error;
        return { asked };
      }
      throw error;
    }
    // Loaded only when a PDF is printed: pdf-lib and the print code are not needed for --no-pdf builds.
    const { exportPdfs } = await import('./export-pdf.js');
    let results: PdfResult[];
    try {
      results = await exportPdfs(session, deck, dir, {
        kinds: settings.pdf,
        perPage: settings.handout,
        paper: settings.paper,
        landscape: settings.landscape,
        grayscale: settings.grayscale,
        timeoutMs: settings.timeout * 1000,
        templateDirs: compiled.templateDirs,
        onProgress: (message) => this.onProgress?.(deck.slug, message),
        onPrinted: () => {
          if (++this.printed >= this.essays) void this.close();
        },
      });
    } catch (error) {
      if (error instanceof BrowserError && error.exitCode === ExitCode.exportFailed) return { asked, error };
      throw error;
    }
    for (const { kind, blocked } of results) {
      if (blocked.length === 0) continue;
      const message = `${kind}.pdf: ${blocked.length} request(s) outside the deck were blocked, such as ${blocked[0]}: ship that file with the essay or the theme`;
      this.warnings.push({ severity: 'warning', file: deck.file, message });
    }
    return { asked };
  };

  /** The build's browser for other steps (slides.pptx's diagrams), shared with printing: started on first need. Rejects with a BrowserError when there is none. */
  readonly browser = (executablePath?: string): Promise<BrowserSession> => (this.session ??= this.start({ executablePath }));

  /** Starts the browser, remembering the session once it is up (for close()). */
  private start(options: BrowserOptions): Promise<BrowserSession> {
    return startBrowser(options).then((session) => (this.started = session));
  }

  /**
   * Closes the browser, if one was started: killed at once, as the PDFs are written and nothing it holds matters.
   * A started one lets go of its tabs before this returns: the tab printing closes with it, without a round trip.
   */
  close(): Promise<void> {
    if (this.started) return this.started.close({ now: true });
    return this.session?.then((session) => session.close({ now: true }), () => {}) ?? Promise.resolve();
  }
}
