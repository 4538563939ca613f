/**
 * handout.pdf and notes.pdf from the slides printed once. Chrome prints the
 * paper pages with an empty slot in each frame: a link to itself, which the
 * PDF records with the frame's exact place on its page. Each page of the
 * slides PDF becomes a form (its drawing, fonts and images, as vectors) drawn
 * into the slots of its slide, so the slide's text stays selectable and it
 * looks as in slides.pdf; Chrome lays the deck out once instead of three
 * times. The slot links go; each slot becomes a Figure of the PDF's structure,
 * described by the slide's text; web links on a slide are carried over.
 */
import { deflateSync, inflateSync } from 'node:zlib';
import {
  concatTransformationMatrix,
  decodePDFRawStream,
  drawObject,
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFNumber,
  PDFObjectCopier,
  PDFOperator,
  PDFOperatorNames,
  type PDFPage,
  PDFRawStream,
  PDFRef,
  PDFString,
  popGraphicsState,
  pushGraphicsState,
} from './pdf-lib.js';
import { SLOT } from './print-slot.js';


/** The printed slides, as forms ready to draw on other PDFs' pages. */
export interface SlideForms {
  doc: PDFDocument;
  /** Page i's drawing, compressed, without the slides PDF's structure ids; made on first use. */
  drawing(i: number): { bytes: Uint8Array; box: [number, number, number, number] };
}

/** Wraps a loaded slides PDF for composing; read its pages only after saving it as slides.pdf. */
export function slideForms(doc: PDFDocument): SlideForms {
  const drawings = new Map<number, { bytes: Uint8Array; box: [number, number, number, number] }>();
  return {
    doc,
    drawing(i) {
      let drawing = drawings.get(i);
      if (!drawing) {
        const page = doc.getPage(i);
        const { x, y, width, height } = page.getMediaBox();
        const text = contentOf(doc, page).toString('latin1');
        // `/P <</MCID 3 >>BDC` → `/P BMC`: the same nesting without the ids, which belong to the slides
        // PDF's structure and would name the wrong things on another page.
        const plain = text.replace(/\/([^\s/<>[\]()]+)\s*<<[^<>]*\/MCID\s+\d+[^<>]*>>\s*BDC/g, '/$1 BMC');
        drawing = { bytes: deflateSync(Buffer.from(plain, 'latin1')), box: [x, y, x + width, y + height] };
        drawings.set(i, drawing);
      }
      return drawing;
    },
  };
}

interface Slot {
  page: PDFPage;
  /** Slide number, from 1. */
  slide: number;
  /** Left, bottom, right, top in PDF points. */
  rect: [number, number, number, number];
  /** The link's key in the structure's parent tree (tagged PDFs). */
  structParent?: number;
}

/**
 * Draws slide N of `slides` into every slot of slide N in `doc`, and removes the slots; returns how many
 * were filled. `describe(n)` is what a screen reader reads for slide n. Throws when a slot names a slide that
 * was not printed.
 */
export function composeSlides(doc: PDFDocument, slides: SlideForms, describe: (slide: number) => string): number {
  const slots = takeSlots(doc);
  const count = slides.doc.getPageCount();
  const missing = slots.find((slot) => slot.slide > count);
  if (missing) throw new Error(`slide ${missing.slide} has a frame, but only ${count} slides were printed`);
  // One copier for every slide: fonts and images they share are copied once.
  const copier = PDFObjectCopier.for(slides.doc.context, doc.context);
  const forms = new Map<number, PDFRef>();
  const formOf = (slide: number): PDFRef => {
    let ref = forms.get(slide);
    if (!ref) {
      const source = slides.doc.getPage(slide - 1).node;
      const { bytes, box } = slides.drawing(slide - 1);
      const resources = source.Resources();
      const group = source.lookupMaybe(PDFName.of('Group'), PDFDict);
      const form = doc.context.stream(bytes, {
        Type: 'XObject',
        Subtype: 'Form',
        FormType: 1,
        BBox: box,
        Filter: 'FlateDecode',
        ...(resources ? { Resources: copier.copy(resources) } : {}),
        ...(group ? { Group: copier.copy(group) } : {}),
      });
      ref = doc.context.register(form);
      forms.set(slide, ref);
    }
    return ref;
  };
  const tags = structureOf(doc);
  for (const slot of slots) {
    const [left, bottom, right, top] = slot.rect;
    const { box } = slides.drawing(slot.slide - 1);
    const [sx, sy] = [(right - left) / (box[2] - box[0]), (top - bottom) / (box[3] - box[1])];
    const name = slot.page.node.newXObject('Slide', formOf(slot.slide));
    const mcid = tags.figure(slot, describe(slot.slide));
    slot.page.pushOperators(
      // An inline property list: pdf-lib writes any PDF object as an operand, though its type lists fewer.
      PDFOperator.of(PDFOperatorNames.BeginMarkedContentSequence, [PDFName.of('Figure'), doc.context.obj({ MCID: mcid }) as unknown as PDFArray]),
      pushGraphicsState(),
      concatTransformationMatrix(sx, 0, 0, sy, left - box[0] * sx, bottom - box[1] * sy),
      drawObject(name),
      popGraphicsState(),
      PDFOperator.of(PDFOperatorNames.EndMarkedContent),
    );
    carryLinks(doc, slides.doc.getPage(slot.slide - 1), slot);
  }
  return slots.length;
}

/** A page's content, decoded (Chrome writes Flate; anything else goes through pdf-lib's decoders). */
function contentOf(doc: PDFDocument, page: PDFPage): Buffer {
  const contents = page.node.Contents();
  const streams = contents instanceof PDFArray ? contents.asArray().map((ref) => doc.context.lookup(ref)) : [contents];
  return Buffer.concat(
    streams.flatMap((stream) => {
      if (!(stream instanceof PDFRawStream)) return [];
      const filter = stream.dict.get(PDFName.of('Filter'));
      const decoded =
        filter === PDFName.of('FlateDecode') && !stream.dict.has(PDFName.of('DecodeParms'))
          ? inflateSync(stream.contents) // native zlib: several times faster than pdf-lib's own inflate
          : decodePDFRawStream(stream).decode();
      return [Buffer.from(decoded), Buffer.from('\n')];
    }),
  );
}

/** Finds the slot links on every page, removes them and their named destinations, and returns where they were. */
function takeSlots(doc: PDFDocument): Slot[] {
  const slots: Slot[] = [];
  const names = new Set<string>();
  for (const page of doc.getPages()) {
    const annots = page.node.Annots();
    if (!annots) continue;
    const found: Slot[] = [];
    for (let i = annots.size() - 1; i >= 0; i--) {
      const annot = annots.lookup(i);
      if (!(annot instanceof PDFDict)) continue;
      const name = destinationName(annot);
      if (!name?.startsWith(SLOT)) continue;
      const slide = Number(name.slice(SLOT.length));
      const rect = numbers(annot.lookupMaybe(PDFName.of('Rect'), PDFArray));
      if (!Number.isInteger(slide) || slide < 1 || !rect) continue;
      const [x1, y1, x2, y2] = rect;
      const structParent = annot.lookupMaybe(PDFName.of('StructParent'), PDFNumber)?.asNumber();
      found.push({ page, slide, rect: [Math.min(x1, x2), Math.min(y1, y2), Math.max(x1, x2), Math.max(y1, y2)], structParent });
      names.add(name);
      annots.remove(i);
    }
    slots.push(...found.reverse());
    if (annots.size() === 0) page.node.delete(PDFName.of('Annots'));
  }
  const dests = doc.catalog.lookupMaybe(PDFName.of('Dests'), PDFDict);
  if (dests) {
    for (const key of dests.keys()) if (names.has(key.decodeText())) dests.delete(key);
    if (dests.keys().length === 0) doc.catalog.delete(PDFName.of('Dests'));
  }
  return slots;
}

/** A rectangle's four numbers, or undefined when it is not one. */
function numbers(array: PDFArray | undefined): [number, number, number, number] | undefined {
  const values = array?.asArray().map((n) => (n instanceof PDFNumber ? n.asNumber() : NaN));
  return values?.length === 4 && !values.some(Number.isNaN) ? (values as [number, number, number, number]) : undefined;
}

/** The named destination a link goes to (`/Dest /name`, or a GoTo action's `/D`). */
function destinationName(annot: PDFDict): string | undefined {
  const action = annot.lookupMaybe(PDFName.of('A'), PDFDict);
  const dest = annot.get(PDFName.of('Dest')) ?? action?.get(PDFName.of('D'));
  if (dest instanceof PDFName || dest instanceof PDFString || dest instanceof PDFHexString) return dest.decodeText();
  return undefined;
}

/** Web links on a slide, placed where the slide now is on the paper. */
function carryLinks(doc: PDFDocument, from: PDFPage, slot: Slot): void {
  const annots = from.node.Annots();
  if (!annots) return;
  const box = from.getMediaBox();
  const [left, bottom, right, top] = slot.rect;
  const sx = (right - left) / box.width;
  const sy = (top - bottom) / box.height;
  for (let i = 0; i < annots.size(); i++) {
    const annot = annots.lookup(i);
    if (!(annot instanceof PDFDict)) continue;
    const uri = annot.lookupMaybe(PDFName.of('A'), PDFDict)?.lookup(PDFName.of('URI'));
    const rect = numbers(annot.lookupMaybe(PDFName.of('Rect'), PDFArray));
    if (!(uri instanceof PDFString || uri instanceof PDFHexString) || !rect) continue;
    const [x1, y1, x2, y2] = rect;
    const link = doc.context.obj({
      Type: 'Annot',
      Subtype: 'Link',
      Rect: [left + (x1 - box.x) * sx, bottom + (y1 - box.y) * sy, left + (x2 - box.x) * sx, bottom + (y2 - box.y) * sy],
      Border: [0, 0, 0],
      A: { Type: 'Action', S: 'URI', URI: uri.clone() },
    });
    slot.page.node.addAnnot(doc.context.register(link));
  }
}

/**
 * The PDF's structure (made when Chrome wrote none, as for a page of lines and
 * empty frames), to give each slot a Figure element: the slot link's element
 * where Chrome made one, so the slide keeps its place in the reading order.
 */
function structureOf(doc: PDFDocument): { figure(slot: Slot, alt: string): number } {
  const { context } = doc;
  let root = doc.catalog.lookupMaybe(PDFName.of('StructTreeRoot'), PDFDict);
  let nums = root?.lookupMaybe(PDFName.of('ParentTree'), PDFDict)?.lookupMaybe(PDFName.of('Nums'), PDFArray);
  if (!root || !nums) {
    // No structure, or a parent tree in parts: a new one, of the slides alone.
    nums = context.obj([]);
    root = context.obj({ Type: 'StructTreeRoot', ParentTree: context.obj({ Nums: nums }), ParentTreeNextKey: 0 });
    const rootRef = context.register(root);
    root.set(PDFName.of('K'), context.register(context.obj({ Type: 'StructElem', S: 'Document', P: rootRef, K: [] })));
    doc.catalog.set(PDFName.of('StructTreeRoot'), rootRef);
    doc.catalog.set(PDFName.of('MarkInfo'), context.obj({ Marked: true }));
  }
  const parentTree = nums;
  const treeRoot = root;
  const keyAt = (i: number) => (parentTree.lookup(i) as PDFNumber).asNumber();
  const indexOf = (key: number | undefined) => {
    if (key !== undefined) for (let i = 0; i + 1 < parentTree.size(); i += 2) if (keyAt(i) === key) return i;
    return -1;
  };
  const nextKey = () => {
    const keys = Array.from({ length: parentTree.size() / 2 }, (_, i) => keyAt(2 * i));
    return Math.max(treeRoot.lookupMaybe(PDFName.of('ParentTreeNextKey'), PDFNumber)?.asNumber() ?? 0, ...keys.map((key) => key + 1));
  };
  /** Where new elements go: the document element, else the root. */
  const top = () => {
    const k = treeRoot.get(PDFName.of('K'));
    const first = k instanceof PDFArray ? k.get(0) : k;
    return first instanceof PDFRef && context.lookup(first) instanceof PDFDict ? first : undefined;
  };
  return {
    figure(slot, alt) {
      // The link's element, taken over; else a new one at the end of the document.
      const at = indexOf(slot.structParent);
      let elementRef = at < 0 ? undefined : parentTree.get(at + 1);
      if (at >= 0) (parentTree.remove(at + 1), parentTree.remove(at)); // the link is gone: so is its entry
      if (!(elementRef instanceof PDFRef && context.lookup(elementRef) instanceof PDFDict)) {
        const parentRef = top() ?? (doc.catalog.get(PDFName.of('StructTreeRoot')) as PDFRef);
        const parent = context.lookup(parentRef, PDFDict);
        elementRef = context.register(context.obj({ Type: 'StructElem', S: 'Figure', P: parentRef }));
        const kids = parent.get(PDFName.of('K'));
        if (kids instanceof PDFArray) kids.push(elementRef);
        else parent.set(PDFName.of('K'), kids ? context.obj([kids, elementRef]) : context.obj([elementRef]));
      }
      // The page's marked-content ids: the next free one is the Figure's.
      const pageNode = slot.page.node;
      const pageAt = indexOf(pageNode.lookupMaybe(PDFName.of('StructParents'), PDFNumber)?.asNumber());
      let ids = pageAt < 0 ? undefined : parentTree.lookupMaybe(pageAt + 1, PDFArray);
      if (!ids) {
        const key = nextKey();
        ids = context.obj([]);
        parentTree.push(PDFNumber.of(key));
        parentTree.push(context.register(ids));
        treeRoot.set(PDFName.of('ParentTreeNextKey'), PDFNumber.of(key + 1));
        pageNode.set(PDFName.of('StructParents'), PDFNumber.of(key));
      }
      const mcid = ids.size();
      ids.push(elementRef);
      const element = context.lookup(elementRef, PDFDict);
      element.set(PDFName.of('S'), PDFName.of('Figure'));
      element.set(PDFName.of('Alt'), PDFHexString.fromText(alt));
      element.set(PDFName.of('Pg'), slot.page.ref);
      element.set(PDFName.of('K'), PDFNumber.of(mcid));
      return mcid;
    },
  };
}
