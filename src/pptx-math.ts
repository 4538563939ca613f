/**
 * Display formulas as native, editable PowerPoint equations: TeX to MathML
 * (KaTeX), MathML to Office Math (OMML, mathml2omml), tidied for a slide;
 * the formula as plain Unicode text (x², √(…), a/b) for apps that show no
 * equations; and its size, estimated from the MathML, to place it.
 */
import { mml2omml } from 'mathml2omml';
import { defaultTreeAdapter as tree, parseFragment, serializeOuter } from 'parse5';
import { texToMathml } from './math.js';

export const OMML_NAMESPACE = 'http://schemas.openxmlformats.org/officeDocument/2006/math';

/** How the equation's runs look. */
export interface EquationLook {
  /** PowerPoint's language tag (`id-ID`). */
  lang: string;
  sizePt: number;
  /** RRGGBB. */
  color: string;
}

export interface PptxEquation {
  /** `<m:oMathPara>` declaring its namespace, for an `<a14:m>` in a slide's paragraph. */
  omml: string;
  /** The formula as readable text, e.g. `E = mc²`. */
  text: string;
  /** Estimated width and height, in em of the formula's font size. */
  width: number;
  height: number;
}

/** A display formula as a PowerPoint equation, or undefined when its TeX does not parse. */
export function pptxEquation(tex: string, look: EquationLook): PptxEquation | undefined {
  const mathml = texToMathml(tex);
  if (!mathml) return undefined;
  const element = parseFragment(mathml).childNodes[0]!;
  const root = element as unknown as MathNode;
  groupScriptedBrackets(root);
  groupOperands(root);
  // parse5 writes a no-break space as HTML's &nbsp;, which XML does not know.
  const grouped = serializeOuter(element).replace(/&nbsp;/g, '&#160;');
  const { w, h } = measure(root, 1, true);
  return { omml: `<m:oMathPara xmlns:m="${OMML_NAMESPACE}"><m:oMathParaPr><m:jc m:val="centerGroup"/></m:oMathParaPr>${toOmml(grouped, look)}</m:oMathPara>`, text: linearText(root), width: w, height: h };
}

/** An inline formula as one line of Unicode text (`E_d = (ΔQ/Q)/(ΔP/P)`), or undefined when its TeX does not parse. */
export function mathText(tex: string): string | undefined {
  const mathml = texToMathml(tex);
  return mathml ? linearText(parseFragment(mathml).childNodes[0] as unknown as MathNode) : undefined;
}

const MATHML_NAMESPACE = 'http://www.w3.org/1998/Math/MathML';
const SCRIPTED = new Set(['msup', 'msub', 'msubsup', 'munder', 'mover', 'munderover']);

/** Moves `nodes` (siblings, in order) into a new mrow put where the first of them was. */
function wrapInRow(nodes: MathNode[]): MathNode {
  const parent = (nodes[0] as { parentNode?: MathNode }).parentNode!;
  const group = tree.createElement('mrow', MATHML_NAMESPACE as never, []);
  tree.insertBefore(parent as never, group, nodes[0] as never);
  for (const moved of nodes) {
    tree.detachNode(moved as never);
    tree.appendChild(group, moved as never);
  }
  return group as unknown as MathNode;
}

/**
 * A sum or integral takes what follows it, up to the next relation or sign outside brackets, as its
 * operand: that part becomes one mrow, which mathml2omml puts in the operator's argument (it leaves a
 * script or fraction after the operator outside, and PowerPoint would show an empty box).
 */
function groupOperands(node: MathNode): void {
  const kids = node.childNodes ?? [];
  for (const kid of [...kids]) groupOperands(kid);
  // Only in a row: the children of a script, fraction or root are its fixed parts.
  if (SCRIPTED.has(node.nodeName) || node.nodeName === 'mfrac' || node.nodeName === 'mroot') return;
  for (let i = 0; i < kids.length; i++) {
    const operator = kids[i]!;
    const symbol = operator.nodeName === 'mo' ? operator : SCRIPTED.has(operator.nodeName) ? elements(operator)[0] : undefined;
    if (!symbol || symbol.nodeName !== 'mo' || !BIG_OPERATORS.has(textOf(symbol).trim())) continue;
    let depth = 0;
    let j = i + 1;
    for (; j < kids.length; j++) {
      const text = kids[j]!.nodeName === 'mo' ? textOf(kids[j]!).trim() : '';
      if (OPENING[text] === undefined && Object.values(OPENING).includes(text)) depth++;
      else if (OPENING[text] !== undefined) depth--;
      // A sign right after the operator belongs to the operand.
      else if (depth <= 0 && j > i + 1 && (RELATIONS.has(text) || BINARY.has(text))) break;
    }
    const operand = kids.slice(i + 1, j);
    if (operand.length > 1 || (operand.length === 1 && operand[0]!.nodeName !== 'mrow')) wrapInRow(operand);
  }
}
const OPENING: Record<string, string> = { ')': '(', ']': '[', '}': '{', '⟩': '⟨' };

/**
 * KaTeX writes `(x − μ)^2` as `(`, `x − μ` and a superscript on `)` alone. The brackets and what they
 * hold become the script's base, so the equation has one group where an equation editor expects one
 * (a sum takes the whole group as its argument; LibreOffice cannot read a lone bracket).
 */
function groupScriptedBrackets(node: MathNode): void {
  const kids = node.childNodes ?? [];
  for (const kid of [...kids]) groupScriptedBrackets(kid);
  for (let i = 0; i < kids.length; i++) {
    const scripted = kids[i]!;
    const base = ['msup', 'msub', 'msubsup'].includes(scripted.nodeName) ? elements(scripted)[0] : undefined;
    const close = base?.nodeName === 'mo' ? textOf(base).trim() : '';
    const open = OPENING[close];
    if (!base || !open) continue;
    let depth = 0;
    let j = i - 1;
    for (; j >= 0; j--) {
      const bracket = kids[j]!.nodeName === 'mo' ? textOf(kids[j]!).trim() : '';
      if (bracket === close) depth++;
      else if (bracket === open && depth-- === 0) break;
    }
    if (j < 0) continue;
    // The bracketed part and the closing bracket become the script's base.
    const group = wrapInRow(kids.slice(j, i));
    tree.detachNode(group as never);
    tree.detachNode(base as never);
    tree.appendChild(group as never, base as never);
    tree.insertBefore(scripted as never, group as never, (scripted.childNodes ?? [])[0] as never);
    i = j;
  }
}

// --- MathML to OMML ------------------------------------------------------------

/**
 * mathml2omml's output made fit for a slide: entities kept escaped (`disableDecode`), Word's run
 * properties replaced by DrawingML ones (font, size, colour, language), a text it leaves outside a run
 * put in one, and its `m:sty="undefined"` made upright. Its warnings about elements it skips go nowhere.
 */
function toOmml(mathml: string, look: EquationLook): string {
  const warn = console.warn;
  let raw: string;
  try {
    console.warn = () => {};
    raw = mml2omml(mathml, { disableDecode: true });
  } finally {
    console.warn = warn;
  }
  const runProperties = (bold: boolean) =>
    `<a:rPr lang="${look.lang}" sz="${Math.round(look.sizePt * 100)}"${bold ? ' b="1"' : ''} dirty="0"><a:solidFill><a:srgbClr val="${look.color}"/></a:solidFill>` +
    '<a:latin typeface="Cambria Math" panose="02040503050406030204" pitchFamily="18" charset="0"/></a:rPr>';
  const out: string[] = [];
  let inText = false;
  let inWordProperties = false;
  let bold = false;
  for (const token of raw.replace(/ xmlns:[mw]="[^"]*"/g, '').replace(/m:val="undefined"/g, 'm:val="p"').match(/<[^>]+>|[^<]+/g) ?? []) {
    if (token.startsWith('<w:rPr')) {
      inWordProperties = !token.endsWith('/>');
      continue;
    }
    if (inWordProperties) {
      if (token === '</w:rPr>') inWordProperties = false;
      else if (token.startsWith('<w:b')) bold = true;
      continue;
    }
    if (token === '<m:r>') bold = false;
    if (token.startsWith('<m:t')) {
      // PowerPoint's place for a run's look: after m:rPr, before the text.
      out.push(runProperties(bold), token);
      inText = !token.endsWith('/>');
      continue;
    }
    if (token === '</m:t>') inText = false;
    if (!token.startsWith('<') && !inText) {
      if (token.trim() !== '') out.push(`<m:r>${runProperties(false)}<m:t xml:space="preserve">${token}</m:t></m:r>`);
      continue;
    }
    out.push(token);
  }
  return out.join('');
}

// --- The MathML tree -------------------------------------------------------------

interface MathNode {
  nodeName: string;
  value?: string;
  attrs?: { name: string; value: string }[];
  childNodes?: MathNode[];
}

const elements = (node: MathNode): MathNode[] => (node.childNodes ?? []).filter((child) => child.nodeName !== '#text' && child.nodeName !== 'annotation');
const textOf = (node: MathNode): string => (node.nodeName === '#text' ? (node.value ?? '') : (node.childNodes ?? []).map(textOf).join(''));
const attr = (node: MathNode, name: string): string | undefined => node.attrs?.find((a) => a.name === name)?.value;

const RELATIONS = new Set([...'=<>≤≥≠≈≡∼≃≅∝→←↔⇒⇐⇔∈∉⊂⊃⊆⊇≪≫:', '≔', '⟹', '⟶', '↦']);
const BINARY = new Set([...'+−-±∓×÷·∘∗⋅∪∩∧∨⊕⊗']);
const BIG_OPERATORS = new Set([...'∑∏∐∫∬∭∮⋃⋂⨁⨂']);
const ACCENTS: Record<string, string> = { '^': '\u0302', ˆ: '\u0302', '~': '\u0303', '˜': '\u0303', '¯': '\u0304', '‾': '\u0305', '→': '\u20D7', '˙': '\u0307', '¨': '\u0308', ˇ: '\u030C', '˘': '\u0306' };

// --- Plain text ------------------------------------------------------------------------

const SUPERSCRIPTS: Record<string, string> = Object.fromEntries([...'0123456789+−-=()niT⊤'].map((c, i) => [c, '⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁻⁼⁽⁾ⁿⁱᵀᵀ'[i]!]));
const SUBSCRIPTS: Record<string, string> = Object.fromEntries([...'0123456789+−-=()aeoxhklmnpstij'].map((c, i) => [c, '₀₁₂₃₄₅₆₇₈₉₊₋₋₌₍₎ₐₑₒₓₕₖₗₘₙₚₛₜᵢⱼ'[i]!]));

/** The formula as one line of Unicode text, as a reader would write it: `x = (−b ± √(b² − 4ac))/(2a)`. */
export function linearText(root: MathNode): string {
  return linear(root, 0).replace(/\s+/g, ' ').trim();
}

function linear(node: MathNode, depth: number): string {
  const kids = elements(node);
  const part = (i: number, d = depth) => (kids[i] ? linear(kids[i]!, d) : '');
  switch (node.nodeName) {
    case 'mi':
    case 'mn':
    case 'mtext':
    case 'ms':
      return textOf(node);
    case 'mo':
      return textOf(node);
    case 'msup':
      return part(0) + script(part(1, depth + 1), SUPERSCRIPTS, '^');
    case 'msub':
      return part(0) + script(part(1, depth + 1), SUBSCRIPTS, '_');
    case 'msubsup':
      return part(0) + script(part(1, depth + 1), SUBSCRIPTS, '_') + script(part(2, depth + 1), SUPERSCRIPTS, '^');
    case 'mover': {
      const over = part(1, depth + 1);
      if (ACCENTS[over] && (attr(node, 'accent') === 'true' || over.length === 1)) return part(0) + ACCENTS[over];
      return part(0) + script(over, SUPERSCRIPTS, '^');
    }
    case 'munder':
      return part(0) + script(part(1, depth + 1), SUBSCRIPTS, '_');
    case 'munderover':
      return part(0) + script(part(1, depth + 1), SUBSCRIPTS, '_') + script(part(2, depth + 1), SUPERSCRIPTS, '^');
    case 'mfrac':
      return `${group(part(0))}/${group(part(1))}`;
    case 'msqrt':
      return `√${group(row(kids, depth))}`;
    case 'mroot': {
      const index = part(1, depth + 1);
      const sign = index === '3' ? '∛' : index === '4' ? '∜' : `${script(index, SUPERSCRIPTS, '')}√`;
      return `${sign}${group(part(0, depth + 1))}`;
    }
    case 'mtable':
      return kids.map((row) => elements(row).map((cell) => linear(cell, depth + 1)).join(', ')).join('; ');
    case 'mphantom':
    case 'annotation':
      return '';
    default:
      return row(kids, depth);
  }
}

/** A row of parts: relations and binary operators spaced, except in scripts and as a sign (after an opening or another operator). */
function row(kids: MathNode[], depth: number): string {
  return kids
    .map((kid, i) => {
      const text = linear(kid, depth);
      if (kid.nodeName !== 'mo' || depth > 0) return text;
      if (RELATIONS.has(text)) return ` ${text} `;
      const previous = kids[i - 1];
      const unary = !previous || (previous.nodeName === 'mo' && !/[)\]}|]/.test(textOf(previous)));
      return BINARY.has(text) && !unary ? ` ${text} ` : text;
    })
    .join('');
}

/** A script as superscript or subscript characters when each has one, else `^(…)` / `_(…)`. */
function script(text: string, table: Record<string, string>, marker: string): string {
  const chars = [...text.replace(/\s+/g, '')];
  if (chars.length > 0 && chars.every((c) => table[c])) return chars.map((c) => table[c]).join('');
  return marker + group(text.trim());
}

/** One letter, number or bracketed part stands alone; anything longer gets parentheses. */
function group(text: string): string {
  const t = text.trim();
  if (/^[\p{L}\p{N}.,′″]+$/u.test(t) && ([...t].length === 1 || /^[\p{N}.,]+$/u.test(t))) return t;
  if (/^[([{|].*[)\]}|]$/.test(t) && balanced(t)) return t;
  return `(${t})`;
}

function balanced(text: string): boolean {
  let open = 0;
  for (const [i, c] of [...text].entries()) {
    if ('([{'.includes(c)) open++;
    if (')]}'.includes(c)) open--;
    if (open === 0 && i < [...text].length - 1 && ')]}'.includes(c)) return false;
  }
  return open === 0;
}

// --- Size ------------------------------------------------------------------------------

interface Size {
  w: number;
  h: number;
}

/**
 * The formula's width and height in em, roughly as an equation editor sets it: letters about half
 * an em, spaced relations and operators, scripts at 70 %, fractions stacked, big operators tall.
 * LibreOffice stretches an equation to its box, so a box of about the right shape matters.
 */
function measure(node: MathNode, scale: number, display: boolean): Size {
  const kids = elements(node);
  const m = (i: number, s = scale, d = display): Size => (kids[i] ? measure(kids[i]!, s, d) : { w: 0, h: 0 });
  const small = Math.max(0.5, scale * 0.7);
  const line = 1.5 * scale;
  switch (node.nodeName) {
    case 'mi':
    case 'mn':
    case 'mtext':
    case 'ms': {
      const text = textOf(node);
      return { w: [...text].length * (text.length === 1 ? 0.75 : 0.6) * scale, h: line };
    }
    case 'mo': {
      const text = textOf(node);
      if (BIG_OPERATORS.has(text)) return display ? { w: 1.6 * scale, h: 2.3 * scale } : { w: 1.1 * scale, h: 1.5 * scale };
      if (RELATIONS.has(text) || BINARY.has(text)) return { w: (0.78 + (scale === 1 ? 0.56 : 0.2)) * scale, h: line };
      return { w: Math.max(1, [...text].length) * 0.45 * scale, h: line };
    }
    case 'msup':
    case 'msub': {
      const [base, sup] = [m(0), m(1, small, false)];
      return { w: base.w + sup.w + 0.05, h: Math.max(base.h, line) + 0.05 * scale };
    }
    case 'msubsup': {
      const [base, sub, sup] = [m(0), m(1, small, false), m(2, small, false)];
      return { w: base.w + Math.max(sub.w, sup.w) + 0.05, h: Math.max(base.h, line) + 0.4 * scale };
    }
    case 'munder':
    case 'mover':
    case 'munderover': {
      const base = m(0);
      const accent = node.nodeName === 'mover' && attr(node, 'accent') === 'true';
      if (accent) return { w: base.w, h: base.h + 0.2 * scale };
      const limits = kids.slice(1).map((_, i) => m(i + 1, small, false));
      return { w: Math.max(base.w, ...limits.map((l) => l.w)), h: base.h + 0.6 * limits.reduce((sum, l) => sum + l.h, 0) };
    }
    case 'mfrac': {
      // In a display formula the first fraction keeps the full size; fractions within it are set smaller.
      const inner = display ? scale : small;
      const [num, den] = [m(0, inner, false), m(1, inner, false)];
      return { w: Math.max(num.w, den.w) + 0.3 * scale, h: 0.85 * (num.h + den.h) + 0.1 * scale };
    }
    case 'msqrt':
    case 'mroot': {
      const inner = node.nodeName === 'msqrt' ? rowSize(kids, scale, display) : m(0);
      return { w: inner.w + 1.0 * scale, h: inner.h + 0.3 * scale };
    }
    case 'mtable': {
      const rows = kids.map((r) => elements(r).map((cell) => measure(cell, scale, false)));
      const columns = Math.max(0, ...rows.map((r) => r.length));
      const widths = Array.from({ length: columns }, (_, c) => Math.max(0, ...rows.map((r) => r[c]?.w ?? 0)));
      return { w: widths.reduce((a, b) => a + b, 0) + (columns - 1) * 1.0 * scale, h: rows.reduce((sum, r) => sum + Math.max(line, ...r.map((cell) => cell.h)) + 0.2 * scale, 0) };
    }
    case 'mspace':
      return { w: Number.parseFloat(attr(node, 'width') ?? '0') || 0, h: 0 };
    case 'mphantom':
      return rowSize(kids, scale, display);
    default:
      return rowSize(kids, scale, display);
  }
}

function rowSize(kids: MathNode[], scale: number, display: boolean): Size {
  const sizes = kids.map((kid) => measure(kid, scale, display));
  return { w: sizes.reduce((sum, s) => sum + s.w, 0), h: Math.max(0, ...sizes.map((s) => s.h)) };
}
