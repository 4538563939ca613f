/**
 * A Word file before mammoth reads it: is it a .docx at all (not a .doc, a
 * renamed PDF, a password-protected or damaged file), what does it hold that
 * cannot become an essay (text boxes, SmartArt, equations, comments, tracked
 * changes: one warning each, saying where), and the text of those made
 * readable: an equation becomes its text, a SmartArt graphic the text of its
 * shapes, a text box without the fallback mammoth reads gets one.
 */
import JSZip from 'jszip';
import { ContentError } from './errors.js';

export interface WordFile {
  /** The .docx, with equations, SmartArt and text boxes made readable; what mammoth converts. */
  buffer: Buffer;
  /** The document's own title and author (File → Properties), when set. */
  core: { title?: string; creator?: string };
  /** What could not be carried over, and where. */
  warnings: string[];
}

const SAVE_AS = 'open it in Word (or LibreOffice Writer) and save it as a Word document (.docx), then build that';

/** Opens the bytes of a Word file; throws ContentError naming `file` for anything but a readable .docx. */
export async function readWordFile(bytes: Uint8Array, file: string): Promise<WordFile> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  checkContainer(buffer, file);
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(buffer);
  } catch (error) {
    throw new ContentError(`is damaged: it cannot be read as a .docx (${(error as Error).message}); ${SAVE_AS} again`, { file, cause: error });
  }
  const document = zip.file('word/document.xml');
  if (!document) throw new ContentError(`is ${otherOffice(zip)}, not a Word document: ${SAVE_AS}`, { file });
  let xml: string;
  try {
    xml = await document.async('string');
  } catch (error) {
    throw new ContentError(`is damaged: its text cannot be read (${(error as Error).message}); ${SAVE_AS} again`, { file, cause: error });
  }
  const read = async (name: string) => (await zip.file(name)?.async('string')) ?? '';
  const relationships = await read('word/_rels/document.xml.rels');
  const comments = await read('word/comments.xml');
  const warnings: string[] = [];
  // Each step names places in the XML as it finds it, so the paragraphs are read again after each change.
  const at = (current: string) => {
    const paragraphs = topParagraphs(current);
    return (position: number) => where(paragraphs, position);
  };
  xml = await readableSmartArt(xml, relationships, zip, at(xml), warnings);
  xml = readableEquations(xml, at(xml), warnings);
  xml = readableTextBoxes(xml, at(xml), warnings);
  warnComments(xml, comments, at(xml), warnings);
  warnTrackedChanges(xml, topParagraphs(xml), warnings);

  zip.file('word/document.xml', xml);
  const core = await read('docProps/core.xml');
  return {
    buffer: await zip.generateAsync({ type: 'nodebuffer' }),
    core: { title: coreValue(core, 'dc:title'), creator: coreValue(core, 'dc:creator') },
    warnings,
  };
}

/** What the first bytes say a file is, when it is not a zip: each gets its own way out. */
function checkContainer(buffer: Buffer, file: string): void {
  const head = buffer.subarray(0, 8);
  if (head.subarray(0, 4).equals(Buffer.from('PK\x03\x04', 'latin1'))) return;
  if (head.equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))) {
    // An OLE container: Word 97–2003, or a .docx encrypted with a password (its streams are EncryptedPackage and EncryptionInfo).
    if (buffer.includes(Buffer.from('EncryptedPackage', 'utf16le'))) {
      throw new ContentError('is protected with a password, so its text cannot be read: open it in Word, remove the password (File → Info → Protect Document → Encrypt with Password, empty), save it and build again', { file });
    }
    throw new ContentError(`is a Word 97–2003 document (.doc), which paparan cannot read: ${SAVE_AS}`, { file });
  }
  const start = head.toString('latin1');
  if (start.startsWith('%PDF')) throw new ContentError(`is a PDF, not a Word document: a PDF keeps no headings or paragraphs to plan slides from; ${SAVE_AS.replace('open it', 'open the original')}`, { file });
  if (start.startsWith('{\\rtf')) throw new ContentError(`is a Rich Text (RTF) file, not a .docx: ${SAVE_AS}`, { file });
  if (buffer.length === 0) throw new ContentError('is empty: save the essay from Word as .docx again', { file });
  throw new ContentError(`is not a Word document (.docx): ${SAVE_AS}, or save the essay as plain text (.txt)`, { file });
}

/** A zip that is an office file of another kind. */
function otherOffice(zip: JSZip): string {
  if (zip.file('ppt/presentation.xml')) return 'a PowerPoint file';
  if (zip.file('xl/workbook.xml')) return 'an Excel file';
  if (zip.file('content.xml') && zip.file('mimetype')) return 'an OpenDocument file (.odt)';
  return 'a zip archive';
}

// --- Where things are ------------------------------------------------------------

interface XmlParagraph {
  start: number;
  end: number;
  text: string;
  /** The heading above it (or this paragraph, when it is one). */
  heading?: string;
}

/** The body's paragraphs (a paragraph in a text box or table cell counts as part of its own), with their text and the heading above. */
function topParagraphs(xml: string): XmlParagraph[] {
  const paragraphs: XmlParagraph[] = [];
  let depth = 0;
  let start = 0;
  let heading: string | undefined;
  for (const tag of xml.matchAll(/<(\/?)w:p(?=[\s>/])[^>]*?(\/?)>/g)) {
    if (tag[2]) continue; // <w:p/>: an empty paragraph
    if (!tag[1]) {
      if (depth++ === 0) start = tag.index!;
      continue;
    }
    if (--depth > 0) continue;
    const end = tag.index! + tag[0].length;
    const inner = xml.slice(start, end);
    // A text box's own words do not name the paragraph it sits in.
    const text = textOf(inner.replace(/<w:txbxContent\b[\s\S]*?<\/w:txbxContent>/g, ''));
    const properties = /^<w:p\b[^>]*>\s*<w:pPr>[\s\S]*?<\/w:pPr>/.exec(inner)?.[0] ?? '';
    if (/<w:pStyle w:val="[^"]*(?:Heading|Title|Judul)[^"]*"/i.test(properties) && text) heading = text;
    paragraphs.push({ start, end, text, heading });
  }
  return paragraphs;
}

/** The text of a piece of Word XML (deleted text left out). */
function textOf(xml: string): string {
  return [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => unescapeXml(m[1]!)).join('').replace(/\s+/g, ' ').trim();
}

/** "under "Pendahuluan", in the paragraph "Kerja sama ini…"": enough to find it in Word. */
function where(paragraphs: XmlParagraph[], position: number): string {
  const inside = paragraphs.find((p) => p.start <= position && position < p.end);
  // A paragraph holding nothing but the thing itself is named by the text before it.
  const paragraph = inside?.text ? inside : paragraphs.filter((p) => p.end <= position && p.text).at(-1);
  if (!paragraph) return 'at the start of the document';
  const under = paragraph.heading && paragraph.heading !== paragraph.text ? `under "${clip(paragraph.heading)}", ` : '';
  return `${under}${paragraph === inside ? 'in' : 'after'} the paragraph "${clip(paragraph.text)}"`;
}

function clip(text: string, length = 40): string {
  return text.length > length ? `${text.slice(0, length).trimEnd()}…` : text;
}

// --- What cannot be carried over -------------------------------------------------------

/** A SmartArt graphic becomes the text of its shapes, in order, joined by "; ". */
async function readableSmartArt(xml: string, relationships: string, zip: JSZip, at: (position: number) => string, warnings: string[]): Promise<string> {
  const drawings = [...xml.matchAll(/<w:drawing>(?:(?!<\/w:drawing>)[\s\S])*?drawingml\/2006\/diagram[\s\S]*?<\/w:drawing>/g)];
  let out = xml;
  for (const drawing of drawings.reverse()) {
    const id = /r:dm="([^"]+)"/.exec(drawing[0])?.[1];
    const target = id ? new RegExp(`Id="${id}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${id}"`).exec(relationships) : null;
    const part = target ? (target[1] ?? target[2])! : undefined;
    const data = part ? ((await zip.file(`word/${part.replace(/^\/?word\//, '').replace(/^\//, '')}`)?.async('string')) ?? '') : '';
    const texts = [...data.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => unescapeXml(m[1]!).trim()).filter(Boolean);
    const text = texts.join('; ');
    warnings.push(`a SmartArt graphic ${at(drawing.index!)} cannot be carried over: ${text ? `its text "${clip(text, 60)}" is kept as a paragraph` : 'it has no text to keep'}; draw it again on the slide, or save it as a picture`);
    const run = text ? `<w:t xml:space="preserve">${escapeXml(text)}</w:t>` : '';
    out = out.slice(0, drawing.index!) + run + out.slice(drawing.index! + drawing[0].length);
  }
  return out;
}

/** An equation (Office Math) becomes its text, e.g. "E = mc2": slides have no equation editor. */
function readableEquations(xml: string, at: (position: number) => string, warnings: string[]): string {
  return xml.replace(/<m:oMathPara\b[\s\S]*?<\/m:oMathPara>|<m:oMath\b[\s\S]*?<\/m:oMath>/g, (math, offset: number) => {
    const text = [...math.matchAll(/<m:t(?:\s[^>]*)?>([^<]*)<\/m:t>/g)].map((m) => unescapeXml(m[1]!)).join('').trim();
    warnings.push(`an equation ${at(offset)} cannot be carried over: it is kept as the text "${clip(text, 60)}"; write it in words, or insert it as a picture with alt text`);
    return text ? `<w:r><w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r>` : '';
  });
}

/**
 * A text box keeps its text as a paragraph after the one it sits in (mammoth reads the VML
 * fallback Word writes beside the drawing); one with no fallback gets one made from its text.
 */
function readableTextBoxes(xml: string, at: (position: number) => string, warnings: string[]): string {
  // Word writes a text box twice: the drawing (mc:Choice) and its VML fallback (mc:Fallback). Count it once.
  const alternates = [...xml.matchAll(/<mc:AlternateContent\b[\s\S]*?<\/mc:AlternateContent>/g)];
  const inAlternate = (position: number) => alternates.some((a) => a.index! <= position && position < a.index! + a[0].length);
  const boxes = [...xml.matchAll(/<w:txbxContent\b/g)].filter((m) => !inAlternate(m.index!));
  for (const alternate of alternates) if (alternate[0].includes('<w:txbxContent')) boxes.push(alternate as unknown as RegExpExecArray);
  for (const box of boxes.sort((a, b) => a.index! - b.index!)) {
    const content = /<w:txbxContent\b[^>]*>([\s\S]*?)<\/w:txbxContent>/.exec(xml.slice(box.index!))?.[1] ?? '';
    warnings.push(`a text box ${at(box.index!)} cannot be carried over as a box: its text "${clip(textOf(content), 60)}" is kept as a paragraph after it; put it in the text if it belongs there`);
  }
  return xml.replace(/<mc:AlternateContent\b[^>]*>([\s\S]*?)<\/mc:AlternateContent>/g, (whole, inner: string) => {
    if (!inner.includes('<w:txbxContent') || /<mc:Fallback\b[\s\S]*?<w:txbxContent/.test(inner)) return whole;
    const content = /<w:txbxContent\b[^>]*>[\s\S]*?<\/w:txbxContent>/.exec(inner)![0];
    return `<mc:AlternateContent><mc:Fallback><w:pict><v:shape><v:textbox>${content}</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent>`;
  });
}

/** Comments are notes to the writer, not the essay: each is left out with a warning. */
function warnComments(xml: string, comments: string, at: (position: number) => string, warnings: string[]): void {
  const texts = new Map<string, { author: string; text: string }>();
  for (const comment of comments.matchAll(/<w:comment\b([^>]*)>([\s\S]*?)<\/w:comment>/g)) {
    const id = /w:id="([^"]+)"/.exec(comment[1]!)?.[1];
    const author = /w:author="([^"]*)"/.exec(comment[1]!)?.[1];
    if (id) texts.set(id, { author: unescapeXml(author ?? ''), text: textOf(comment[2]!) });
  }
  for (const reference of xml.matchAll(/<w:commentReference\b[^>]*w:id="([^"]+)"/g)) {
    const comment = texts.get(reference[1]!);
    const by = comment?.author ? ` by ${comment.author}` : '';
    const text = comment?.text ? ` ("${clip(comment.text, 40)}")` : '';
    warnings.push(`a comment${by}${text} ${at(reference.index!)} is left out: comments are notes to the writer, not part of the essay`);
  }
}

/** Tracked changes are read as if accepted: one warning per paragraph that has any. */
function warnTrackedChanges(xml: string, paragraphs: XmlParagraph[], warnings: string[]): void {
  const changes = [...xml.matchAll(/<w:(ins|del|moveFrom|moveTo)\s[^>]*w:author=/g)];
  const counted = new Map<XmlParagraph | undefined, { inserted: number; deleted: number; position: number }>();
  for (const change of changes) {
    const paragraph = paragraphs.find((p) => p.start <= change.index! && change.index! < p.end);
    const entry = counted.get(paragraph) ?? { inserted: 0, deleted: 0, position: change.index! };
    if (change[1] === 'ins' || change[1] === 'moveTo') entry.inserted++;
    else entry.deleted++;
    counted.set(paragraph, entry);
  }
  for (const { inserted, deleted, position } of counted.values()) {
    const kinds = [inserted ? `${inserted} insertion${inserted > 1 ? 's' : ''} kept` : '', deleted ? `${deleted} deletion${deleted > 1 ? 's' : ''} left out` : ''].filter(Boolean).join(', ');
    warnings.push(`tracked changes ${where(paragraphs, position)} are read as if accepted (${kinds}): accept or reject them in Word (Review → Accept) to be sure`);
  }
}

function coreValue(xml: string, tag: string): string | undefined {
  const value = new RegExp(`<${tag}(?:\\s[^>]*)?>([^<]*)</${tag}>`).exec(xml)?.[1];
  const text = value === undefined ? undefined : unescapeXml(value).trim();
  return text || undefined;
}

function unescapeXml(text: string): string {
  return text
    .replace(/&#x([0-9a-f]+);/gi, (_m, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_m, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
