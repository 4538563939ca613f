/**
 * Every theme in a real Chromium, opened from file:// with the network blocked:
 * the shared essay fits on every slide, the theme's own fonts load, inherited
 * colours reach the page, and per-slide classes and backgrounds stay legible.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildEssay } from '../src/build.js';
import { contrastRatio } from '../src/contrast.js';
import { measureFit, withDeck } from '../src/deck-fit.js';
import { useBrowserSuite } from './helpers/browser-suite.js';

const root = path.resolve(import.meta.dirname, '..');
const sharedEssay = path.join(root, 'content/kerja-sama-selatan-selatan.md');
const stressEssay = path.join(root, 'tests/fixtures/essays/stress.md');
const perSlideEssay = path.join(root, 'tests/fixtures/themes/per-slide.md');
const kampus = path.join(root, 'examples/themes/kampus');

/** Each built-in theme and the fonts its deck must really load (not a fallback). */
const builtins: [string, string[]][] = [
  ['default', ['Noto Sans']],
  ['gelap', ['Atkinson Hyperlegible']],
  ['merah-putih', ['Noto Sans', 'Noto Serif']],
];

const browser = useBrowserSuite('paparan-themes-browser-');

async function build(essay: string, theme: string): Promise<string> {
  const result = await buildEssay(essay, { outDir: path.join(browser.out, theme.replace(/\W/g, '_')), projectDir: root, cli: { theme } });
  if (!result.ok) throw result.error;
  return result.outDir;
}

describe.each(builtins)('the %s theme', (theme, fonts) => {
  it('fits every slide of the shared essay, offline, without errors, in its own fonts', async () => {
    const deck = await withDeck(browser.session, await build(sharedEssay, theme), async (page) => ({
      fit: await page.evaluate(measureFit),
      loaded: await page.evaluate(() => Array.from(document.fonts).filter((f) => f.status === 'loaded').map((f) => f.family.replace(/["']/g, ''))),
    }));
    expect(deck.blocked).toEqual([]);
    expect(deck.errors).toEqual([]);
    expect(deck.value.fit.length).toBeGreaterThanOrEqual(12);
    expect(deck.value.fit.filter((s) => s.overflowY > 1 || s.overflowX > 1)).toEqual([]);
    for (const family of fonts) expect(deck.value.loaded, family).toContain(family);
  });

  it('fits the stress essay of long headings, lists, tables and code', async () => {
    const deck = await withDeck(browser.session, await build(stressEssay, theme), (page) => page.evaluate(measureFit));
    expect(deck.value.filter((s) => s.overflowY > 1 || s.overflowX > 1)).toEqual([]);
  });

  it('keeps text legible on slides with class=inverse and with dark and light backgrounds of their own', async () => {
    const deck = await withDeck(browser.session, await build(perSlideEssay, theme), (page) =>
      page.evaluate(() => {
        type RevealApi = { getSlides(): HTMLElement[]; slide(h: number): void };
        const reveal = (window as unknown as { Reveal: RevealApi }).Reveal;
        const opaque = (color: string) => color !== 'rgba(0, 0, 0, 0)' && color !== 'transparent';
        return reveal.getSlides().map((section, index) => {
          reveal.slide(index);
          const background = (section as HTMLElement & { slideBackgroundElement?: HTMLElement }).slideBackgroundElement;
          const layers = [background && getComputedStyle(background).backgroundColor, getComputedStyle(section).backgroundColor, getComputedStyle(document.body).backgroundColor];
          const text = section.querySelector('li, p.raw-html, p') ?? section;
          const heading = section.querySelector('h1, h2') ?? section;
          return {
            id: section.id,
            kind: section.dataset.kind ?? '',
            background: layers.find((c): c is string => Boolean(c && opaque(c)))!,
            text: getComputedStyle(text).color,
            heading: getComputedStyle(heading).color,
          };
        });
      }),
    );
    // Every slide, section dividers and title included, must stay legible.
    for (const slide of deck.value) {
      expect(contrastRatio(slide.text, slide.background), `${slide.id} text ${slide.text} on ${slide.background}`).toBeGreaterThanOrEqual(4.5);
      expect(contrastRatio(slide.heading, slide.background), `${slide.id} heading ${slide.heading} on ${slide.background}`).toBeGreaterThanOrEqual(4.5);
    }
    // The directives apply to the content slide of each part (`##` parts also get a divider slide).
    const [plain, inverted, dark, light] = deck.value.filter((s) => s.kind === 'content');
    expect(inverted!.background).not.toBe(plain!.background);
    expect(dark!.background).toBe('rgb(27, 27, 58)');
    expect(light!.background).toBe('rgb(255, 243, 196)');
  });
});

describe('a theme that extends the default', () => {
  it('shows its own heading colour and logo, and the default theme for everything else', async () => {
    const deck = await withDeck(browser.session, await build(sharedEssay, kampus), (page) =>
      page.evaluate(() => {
        (window as unknown as { Reveal: { slide(h: number): void } }).Reveal.slide(2);
        const present = document.querySelector<HTMLElement>('.reveal .slides > section.present')!;
        const logo = present.querySelector<HTMLImageElement>('img.slide-logo')!;
        const heading = present.querySelector('h2')!.getBoundingClientRect();
        const logoBox = logo.getBoundingClientRect();
        return {
          heading: getComputedStyle(present.querySelector('h2')!).color,
          text: getComputedStyle(present.querySelector('li')!).color,
          background: getComputedStyle(document.body).backgroundColor,
          font: getComputedStyle(present).fontFamily,
          logoLoaded: logo.complete && logo.naturalWidth > 0,
          logoClearOfHeading: logoBox.bottom <= heading.top,
          titleLogoLoaded: Array.from(document.querySelectorAll<HTMLImageElement>('img.title-logo')).every((img) => img.complete && img.naturalWidth > 0),
        };
      }),
    );
    expect(deck.blocked).toEqual([]);
    expect(deck.value).toMatchObject({
      heading: 'rgb(11, 93, 59)',
      text: 'rgb(31, 41, 51)',
      background: 'rgb(255, 255, 255)',
      logoLoaded: true,
      logoClearOfHeading: true,
      titleLogoLoaded: true,
    });
    expect(deck.value.font).toMatch(/^"Noto Sans"/);
  });

  it('fits every slide of the shared essay, logo included', async () => {
    const deck = await withDeck(browser.session, await build(sharedEssay, kampus), (page) => page.evaluate(measureFit));
    expect(deck.value.filter((s) => s.overflowY > 1 || s.overflowX > 1)).toEqual([]);
  });
});
