// Turns every colour on the page into its grey, for grayscale PDFs. Runs in the
// print page just before printing (see src/export-pdf.ts). A CSS `filter` would
// do it in one line, but Chrome then prints the page as a picture, and the text
// could no longer be selected; so each element gets its colours rewritten
// instead, and only pictures (img, video, canvas) get the filter.
(() => {
  const PROPERTIES = [
    'color', 'background-color', 'background-image',
    'border-top-color', 'border-right-color', 'border-bottom-color', 'border-left-color',
    'outline-color', 'text-decoration-color', 'text-emphasis-color', 'column-rule-color',
    'box-shadow', 'text-shadow', 'fill', 'stroke', 'stop-color', 'flood-color', 'lighting-color',
    '-webkit-text-fill-color', '-webkit-text-stroke-color',
  ];
  const PSEUDOS = ['::before', '::after', '::marker'];
  // Computed styles spell every sRGB colour as rgb() or rgba().
  const RGB = /rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)((?:\s*[,/]\s*[\d.]+%?)?)\s*\)/g;

  /** The same colour as a grey of the same luminance (Rec. 709, as CSS grayscale() uses). */
  const grey = (value) =>
    value.replace(RGB, (_, r, g, b, alpha) => {
      const y = Math.round(0.2126 * Number(r) + 0.7152 * Number(g) + 0.0722 * Number(b));
      return alpha && alpha.trim() ? `rgba(${y}, ${y}, ${y}${alpha.replace('/', ',')})` : `rgb(${y}, ${y}, ${y})`;
    });

  /** Declarations that change something: values whose grey differs from the colour. */
  const changes = (style) => {
    const out = [];
    for (const property of PROPERTIES) {
      const value = style.getPropertyValue(property);
      if (!value || !value.includes('rgb')) continue;
      const gray = grey(value);
      if (gray !== value) out.push([property, gray]);
    }
    return out;
  };

  // Read everything first, then write: writing as we go would make each read recompute styles.
  const elements = [document.documentElement, ...document.querySelectorAll('body, body *')];
  const inline = [];
  const rules = [];
  elements.forEach((element, index) => {
    const own = changes(getComputedStyle(element));
    if (own.length) inline.push([element, own]);
    for (const pseudo of PSEUDOS) {
      const style = getComputedStyle(element, pseudo);
      if (pseudo !== '::marker' && style.content === 'none') continue;
      if (pseudo === '::marker' && style.display === 'none') continue;
      const declarations = changes(style);
      if (!declarations.length) continue;
      element.setAttribute('data-paparan-grey', String(index));
      rules.push(`[data-paparan-grey="${index}"]${pseudo} { ${declarations.map(([p, v]) => `${p}: ${v} !important;`).join(' ')} }`);
    }
  });
  for (const [element, declarations] of inline) {
    for (const [property, value] of declarations) element.style.setProperty(property, value, 'important');
  }
  const style = document.createElement('style');
  style.textContent = `img, video, canvas, iframe, embed, object { filter: grayscale(1) !important; }\n${rules.join('\n')}`;
  document.head.appendChild(style);
  return inline.length + rules.length;
})();
