/**
 * The last touches to the PowerPoint package pptxgenjs wrote, so that
 * PowerPoint opens it cleanly (not in "repair" mode) and reads it well:
 * one paragraph-properties element per paragraph (pptxgenjs 4.0 writes one per
 * run, which the schema forbids), the notes as real paragraphs, the essay's
 * language on every run and in the document properties, bullets in the
 * theme's accent colour, serif and monospace fonts marked as such so that
 * Office picks a font of the same kind when the named one is not installed,
 * and display formulas as native equations (pptxgenjs cannot write those).
 */
import JSZip from 'jszip';

export interface SlideExtras {
  /** The speaker notes, one plain-text paragraph each. */
  notes: string[];
  /** The bullet colour of this slide (RRGGBB). */
  accent: string;
  /** Equations (OMML) for the text boxes of these names, which hold their plain text. */
  equations?: SlideEquation[];
}

export interface SlideEquation {
  name: string;
  /** `<m:oMathPara>` declaring its namespace. */
  omml: string;
}

export interface PackageExtras {
  /** The language as PowerPoint names it (`id-ID`). */
  lang: string;
  /** The essay's BCP 47 tag, for the document properties. */
  language: string;
  keywords: string[];
  description?: string;
  slides: SlideExtras[];
  fonts: { body: string; heading: string; mono: string };
}

/** Rewrites the package in memory and returns the finished .pptx. */
export async function finishPackage(buffer: Buffer, extras: PackageExtras): Promise<Buffer> {
  const zip = await JSZip.loadAsync(buffer);
  const edit = async (name: string, change: (xml: string) => string) => {
    const file = zip.file(name);
    if (file) zip.file(name, change(await file.async('string')));
  };
  const fontKinds = fontPitchFamilies(extras.fonts);
  for (const [i, slide] of extras.slides.entries()) {
    await edit(`ppt/slides/slide${i + 1}.xml`, (xml) => withEquations(withFontKinds(withLanguage(bulletsColoured(onePropertiesPerParagraph(xml), slide.accent), extras.lang), fontKinds), slide.equations ?? []));
    await edit(`ppt/notesSlides/notesSlide${i + 1}.xml`, (xml) => withNotes(xml, slide.notes, extras.lang));
  }
  await edit('docProps/core.xml', (xml) => withCoreProperties(xml, extras));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}

/** Keeps the first `<a:pPr>` of each paragraph and drops the others pptxgenjs writes before later runs. */
export function onePropertiesPerParagraph(xml: string): string {
  return xml.replace(/<a:p>([\s\S]*?)<\/a:p>/g, (_whole, inner: string) => {
    let seen = false;
    const kept = inner.replace(/<a:pPr\b[^>]*?(?:\/>|>[\s\S]*?<\/a:pPr>)/g, (properties) => {
      if (seen) return '';
      seen = true;
      return properties;
    });
    return `<a:p>${kept}</a:p>`;
  });
}

/** Bullets (not numbers) in the accent colour, as `ul.points > li::marker` has them. */
function bulletsColoured(xml: string, accent: string): string {
  return xml.replace(/<a:buSzPct val="100000"\/><a:buChar /g, `<a:buClr><a:srgbClr val="${accent}"/></a:buClr><a:buSzPct val="100000"/><a:buChar `);
}

/** pptxgenjs marks the end of paragraphs and some runs as US English; the essay's language is meant. */
function withLanguage(xml: string, lang: string): string {
  return xml.replace(/(?<![A-Za-z])lang="en-US"/g, `lang="${lang}"`);
}

/** OOXML's pitchFamily tells Office what kind of font to substitute: 34 sans-serif (pptxgenjs' default), 18 serif, 49 monospace. */
function fontPitchFamilies(fonts: PackageExtras['fonts']): Map<string, number> {
  const kinds = new Map<string, number>();
  for (const family of [fonts.body, fonts.heading]) if (/serif/i.test(family) && !/sans/i.test(family)) kinds.set(family, 18);
  kinds.set(fonts.mono, 49);
  return kinds;
}

function withFontKinds(xml: string, kinds: Map<string, number>): string {
  let out = xml;
  for (const [family, pitch] of kinds) out = out.split(`typeface="${escapeXml(family)}" pitchFamily="34"`).join(`typeface="${escapeXml(family)}" pitchFamily="${pitch}"`);
  return out;
}

const MARKUP_COMPATIBILITY = 'http://schemas.openxmlformats.org/markup-compatibility/2006';
const DRAWING_2010 = 'http://schemas.microsoft.com/office/drawing/2010/main';

/**
 * Each equation's text box becomes what PowerPoint writes for an equation: `mc:AlternateContent` whose
 * choice, for apps that know Office 2010 drawing (`a14`), is the same shape holding the equation in an
 * `a14:m`, and whose fallback is the text box as it was, the formula as plain text. Both declare the
 * namespaces they use; an app that does not know `a14` never reads the choice.
 */
export function withEquations(xml: string, equations: SlideEquation[]): string {
  let out = xml;
  for (const { name, omml } of equations) {
    const named = out.search(new RegExp(`<p:cNvPr id="\\d+" name="${escapeXml(name)}"`));
    if (named === -1) continue;
    const start = out.lastIndexOf('<p:sp>', named);
    const end = out.indexOf('</p:sp>', named) + '</p:sp>'.length;
    const fallback = out.slice(start, end);
    const bodyProperties = /<a:bodyPr\b[^>]*?(?:\/>|>[\s\S]*?<\/a:bodyPr>)/.exec(fallback)?.[0] ?? '<a:bodyPr/>';
    const endProperties = /<a:endParaRPr\b[^>]*?\/>/.exec(fallback)?.[0] ?? '';
    const paragraph = `<a:p><a:pPr algn="ctr"/><a14:m>${omml}</a14:m>${endProperties}</a:p>`;
    const choice = fallback.replace(/<p:txBody>[\s\S]*<\/p:txBody>/, () => `<p:txBody>${bodyProperties}<a:lstStyle/>${paragraph}</p:txBody>`);
    const alternate = `<mc:AlternateContent xmlns:mc="${MARKUP_COMPATIBILITY}"><mc:Choice xmlns:a14="${DRAWING_2010}" Requires="a14">${choice}</mc:Choice><mc:Fallback>${fallback}</mc:Fallback></mc:AlternateContent>`;
    out = out.slice(0, start) + alternate + out.slice(end);
  }
  return out;
}

/** The notes page's text body: one paragraph per note, in the essay's language. */
function withNotes(xml: string, notes: string[], lang: string): string {
  const paragraphs = notes.length > 0 ? notes.map((note) => `<a:p><a:r><a:rPr lang="${lang}" dirty="0"/><a:t>${escapeXml(note)}</a:t></a:r></a:p>`).join('') : `<a:p><a:endParaRPr lang="${lang}" dirty="0"/></a:p>`;
  return withLanguage(
    xml.replace(/(name="Notes Placeholder 2"[\s\S]*?<p:txBody>)[\s\S]*?(<\/p:txBody>)/, (_whole, head: string, tail: string) => `${head}<a:bodyPr/><a:lstStyle/>${paragraphs}${tail}`),
    lang,
  );
}

/** The language, keywords and description in the document properties (pptxgenjs writes title, subject and author). */
function withCoreProperties(xml: string, extras: PackageExtras): string {
  const added = [
    `<dc:language>${escapeXml(extras.language)}</dc:language>`,
    extras.keywords.length > 0 ? `<cp:keywords>${escapeXml(extras.keywords.join(', '))}</cp:keywords>` : '',
    extras.description ? `<dc:description>${escapeXml(extras.description)}</dc:description>` : '',
  ].join('');
  return xml.replace('</cp:coreProperties>', `${added}</cp:coreProperties>`);
}

/** Text for XML: the five entities, and no control characters XML cannot hold. */
export function escapeXml(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}
