/**
 * Charts from tables: a label column and one or more columns of numbers drawn
 * as SVG at build time (no chart library, no script): bars, a line or a pie,
 * coloured by the theme through CSS classes (templates/assets/rich.css), text
 * at 22 px or more, with a title and description for screen readers.
 */

export type ChartKind = 'bar' | 'line' | 'pie';
export const CHART_KINDS: readonly ChartKind[] = ['bar', 'line', 'pie'];

export interface ChartData {
  kind: ChartKind;
  /** What the label column is called (the table's first header). */
  labelHeader: string;
  labels: string[];
  series: { name: string; values: number[] }[];
}

/** A table cell as a number: "1.234,5" and "12,5%" in Indonesian, "1,234.5" in English, "Rp 5.000", "$12"; undefined when it is not one. */
export function parseNumber(cell: string, lang: string): number | undefined {
  let text = cell.replace(/[*_`\\]/g, '').trim().replace(/^(?:Rp\.?|US\$|\$|€|£)\s*/i, '').replace(/\s*%$/, '').replace(/\u2212/g, '-');
  if (!/^-?[\d.,\s]+$/.test(text) || !/\d/.test(text)) return undefined;
  text = text.replace(/\s/g, '');
  const indonesian = lang.toLowerCase().startsWith('id');
  if (indonesian ? /^-?\d{1,3}(\.\d{3})+(,\d+)?$/.test(text) || /^-?\d+,\d+$/.test(text) : false) {
    text = text.replace(/\./g, '').replace(',', '.');
  } else if (/^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(text)) {
    text = text.replace(/,/g, '');
  } else if (!/^-?\d+(\.\d+)?$/.test(text)) {
    return undefined;
  }
  const value = Number(text);
  return Number.isFinite(value) ? value : undefined;
}

/** The chart a table can be: the first column labels, every other column numbers; undefined when it is not such a table. */
export function chartData(table: { header: string[]; rows: string[][] }, kind: ChartKind, lang: string): ChartData | undefined {
  if (table.header.length < 2 || table.rows.length < 1) return undefined;
  const series = table.header.slice(1).map((name, c) => ({ name, values: table.rows.map((row) => parseNumber(row[c + 1] ?? '', lang)) }));
  if (series.some((s) => s.values.some((v) => v === undefined))) return undefined;
  return { kind, labelHeader: table.header[0]!, labels: table.rows.map((row) => row[0] ?? ''), series: series.map((s) => ({ name: s.name, values: s.values as number[] })) };
}

/**
 * The chart the planner offers by itself: a small table (2–8 rows, at most three columns of numbers, no column
 * of years, which is a label rather than a quantity); a line when the labels are years, else bars.
 */
export function offeredChart(table: { header: string[]; rows: string[][] }, lang: string): ChartData | undefined {
  if (table.rows.length < 2 || table.rows.length > 8 || table.header.length > 4) return undefined;
  const years = (values: number[]) => values.every((v) => Number.isInteger(v) && v >= 1800 && v <= 2200);
  const probe = chartData(table, 'bar', lang);
  if (!probe || probe.series.some((s) => years(s.values))) return undefined;
  const labelsAreYears = table.rows.every((row) => /^\d{4}$/.test((row[0] ?? '').trim()));
  return { ...probe, kind: labelsAreYears ? 'line' : 'bar' };
}

const WIDTH = 1100;
const HEIGHT = 470;
const FONT = 24;

/** The chart as an SVG element: escaped text only, sized to the slide's body. */
export function chartSvg(chart: ChartData, lang: string, title: string): string {
  const body = chart.kind === 'pie' ? pie(chart, lang) : chart.kind === 'line' ? line(chart, lang) : bars(chart, lang);
  const id = `chart-${hash(title + chart.labels.join('|'))}`;
  return (
    `<svg class="chart-svg chart-${chart.kind}" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" role="img" aria-labelledby="${id}-t ${id}-d" xmlns="http://www.w3.org/2000/svg" font-size="${FONT}">` +
    `<title id="${id}-t">${escapeXml(title)}</title><desc id="${id}-d">${escapeXml(describe(chart, lang))}</desc>${body}</svg>`
  );
}

/** The text alternative: every label with its values, as a sentence a screen reader reads. */
export function describe(chart: ChartData, lang: string): string {
  const kinds: Record<ChartKind, [string, string]> = { bar: ['Diagram batang', 'Bar chart'], line: ['Diagram garis', 'Line chart'], pie: ['Diagram lingkaran', 'Pie chart'] };
  const indonesian = lang.toLowerCase().startsWith('id');
  const head = `${kinds[chart.kind][indonesian ? 0 : 1]}: ${chart.series.map((s) => plain(s.name)).join(', ')} ${indonesian ? 'menurut' : 'by'} ${plain(chart.labelHeader)}.`;
  const rows = chart.labels.map((label, i) => `${plain(label)}: ${chart.series.map((s) => `${chart.series.length > 1 ? `${plain(s.name)} ` : ''}${formatNumber(s.values[i]!, lang)}`).join(', ')}`);
  return `${head} ${rows.join('; ')}.`;
}

function legend(chart: ChartData, y: number): string {
  if (chart.series.length < 2) return '';
  let x = 0;
  return chart.series
    .map((s, i) => {
      const item = `<rect class="series-${i % 4}" x="${x}" y="${y - 18}" width="22" height="22" rx="3"/><text class="chart-text" x="${x + 30}" y="${y}">${escapeXml(cut(plain(s.name), 22))}</text>`;
      x += 60 + Math.min(22, plain(s.name).length) * FONT * 0.55;
      return item;
    })
    .join('');
}

/** Horizontal bars: the labels read left of their bars whatever their length, the value at each bar's end. */
function bars(chart: ChartData, lang: string): string {
  const top = chart.series.length > 1 ? 44 : 0;
  const labelWidth = Math.min(380, 24 + Math.max(...chart.labels.map((l) => Math.min(24, plain(l).length))) * FONT * 0.55);
  const valueRoom = 24 + Math.max(...chart.series.flatMap((s) => s.values.map((v) => formatNumber(v, lang).length))) * FONT * 0.6;
  const all = chart.series.flatMap((s) => s.values);
  const min = Math.min(0, ...all);
  const max = Math.max(0, ...all);
  const span = max - min || 1;
  const plotWidth = WIDTH - labelWidth - valueRoom;
  const zero = labelWidth + ((0 - min) / span) * plotWidth;
  const group = (HEIGHT - top) / chart.labels.length;
  const barHeight = Math.min(56, (group * 0.8) / chart.series.length);
  const parts = [legend(chart, 24)];
  chart.labels.forEach((label, i) => {
    const y0 = top + i * group + (group - barHeight * chart.series.length) / 2;
    parts.push(`<text class="chart-text" x="${labelWidth - 16}" y="${y0 + (barHeight * chart.series.length) / 2 + FONT * 0.35}" text-anchor="end">${escapeXml(cut(plain(label), 24))}</text>`);
    chart.series.forEach((s, k) => {
      const v = s.values[i]!;
      const x = Math.min(zero, zero + (v / span) * plotWidth);
      const w = Math.max(2, Math.abs(v / span) * plotWidth);
      const y = y0 + k * barHeight;
      parts.push(`<rect class="series-${k % 4}" x="${round(x)}" y="${round(y)}" width="${round(w)}" height="${round(barHeight - 4)}" rx="3"/>`);
      const tx = v < 0 ? x - 10 : x + w + 10;
      parts.push(`<text class="chart-text chart-value" x="${round(tx)}" y="${round(y + barHeight / 2 + FONT * 0.3)}"${v < 0 ? ' text-anchor="end"' : ''}>${escapeXml(formatNumber(v, lang))}</text>`);
    });
  });
  parts.push(`<line class="chart-axis" x1="${round(zero)}" y1="${top}" x2="${round(zero)}" y2="${HEIGHT}"/>`);
  return parts.join('');
}

/** A line per series over the labels, each point with its value. */
function line(chart: ChartData, lang: string): string {
  const top = chart.series.length > 1 ? 70 : 30;
  const bottom = HEIGHT - 80;
  const left = 40;
  const right = WIDTH - 40;
  const all = chart.series.flatMap((s) => s.values);
  const min = Math.min(0, ...all);
  const max = Math.max(...all, min + 1);
  const x = (i: number) => left + (chart.labels.length === 1 ? (right - left) / 2 : (i * (right - left)) / (chart.labels.length - 1));
  const y = (v: number) => bottom - ((v - min) / (max - min)) * (bottom - top);
  // The axis sits below the lowest point, so no value label is struck through.
  const parts = [legend(chart, 24), `<line class="chart-axis" x1="${left}" y1="${bottom + 24}" x2="${right}" y2="${bottom + 24}"/>`];
  const every = Math.ceil(chart.labels.length / 8);
  chart.labels.forEach((label, i) => {
    if (i % every === 0) parts.push(`<text class="chart-text" x="${round(x(i))}" y="${HEIGHT - 8}" text-anchor="middle">${escapeXml(cut(plain(label), Math.max(6, Math.floor(900 / chart.labels.length / (FONT * 0.55)))))}</text>`);
  });
  chart.series.forEach((s, k) => {
    const points = s.values.map((v, i) => `${round(x(i))},${round(y(v))}`).join(' ');
    parts.push(`<polyline class="series-line-${k % 4}" points="${points}" fill="none" stroke-width="5" stroke-linejoin="round"/>`);
    s.values.forEach((v, i) => {
      parts.push(`<circle class="series-${k % 4}" cx="${round(x(i))}" cy="${round(y(v))}" r="8"/>`);
      const anchor = i === 0 ? 'start' : i === s.values.length - 1 ? 'end' : 'middle';
      parts.push(`<text class="chart-text chart-value" x="${round(x(i))}" y="${round(y(v) - 16)}" text-anchor="${anchor}">${escapeXml(formatNumber(v, lang))}</text>`);
    });
  });
  return parts.join('');
}

/** The first column of numbers as slices, each named with its share beside the pie. */
function pie(chart: ChartData, lang: string): string {
  const values = chart.series[0]!.values.map((v) => Math.max(0, v));
  const total = values.reduce((a, b) => a + b, 0) || 1;
  const cx = 230;
  const cy = HEIGHT / 2;
  const r = 210;
  const parts: string[] = [];
  let angle = -Math.PI / 2;
  values.forEach((v, i) => {
    const share = v / total;
    const end = angle + share * Math.PI * 2;
    const cls = `slice-${i % 8}`;
    if (share >= 0.9999) parts.push(`<circle class="${cls}" cx="${cx}" cy="${cy}" r="${r}"/>`);
    else if (share > 0) {
      const large = share > 0.5 ? 1 : 0;
      const p = (a: number) => `${round(cx + r * Math.cos(a))},${round(cy + r * Math.sin(a))}`;
      parts.push(`<path class="${cls}" d="M${cx},${cy} L${p(angle)} A${r},${r} 0 ${large} 1 ${p(end)} Z"/>`);
    }
    angle = end;
  });
  const rowHeight = Math.min(54, HEIGHT / values.length);
  const y0 = cy - (rowHeight * values.length) / 2;
  chart.labels.forEach((label, i) => {
    const y = y0 + i * rowHeight;
    const percent = `${formatNumber(Math.round((values[i]! / total) * 1000) / 10, lang)}%`;
    parts.push(`<rect class="slice-${i % 8}" x="500" y="${round(y + 8)}" width="26" height="26" rx="4"/>`);
    parts.push(`<text class="chart-text" x="540" y="${round(y + 30)}">${escapeXml(cut(plain(label), 26))}: ${escapeXml(percent)}</text>`);
  });
  return parts.join('');
}

/** A number as the essay's language writes it: "1.234,5" or "1,234.5". */
export function formatNumber(value: number, lang: string): string {
  return new Intl.NumberFormat(lang.toLowerCase().startsWith('id') ? 'id-ID' : 'en-US', { maximumFractionDigits: 2 }).format(value);
}

/** Markdown inline to its plain words (labels are drawn as text). */
function plain(markdown: string): string {
  return markdown
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__|\*|_|`)(.+?)\1/g, '$2')
    .replace(/\\(.)/g, '$1')
    .trim();
}

function cut(text: string, max: number): string {
  return [...text].length > max ? `${[...text].slice(0, max - 1).join('')}…` : text;
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

function hash(text: string): string {
  let h = 0;
  for (const ch of text) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return h.toString(36);
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
