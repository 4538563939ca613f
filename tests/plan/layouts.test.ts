/**
 * The layouts the planner chooses by itself, on real sentences in Indonesian
 * and English, and the near-misses that must stay plain points.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseEssay } from '../../src/parse.js';
import { findAcronyms } from '../../src/plan/acronyms.js';
import type { CondenseContext } from '../../src/plan/condense.js';
import { planDeck } from '../../src/plan/deck.js';
import { bigNumberOf } from '../../src/plan/layouts/big-number.js';
import { comparisonOf } from '../../src/plan/layouts/compare.js';
import { definitionOf } from '../../src/plan/layouts/definition.js';
import { findFigure } from '../../src/plan/layouts/figures.js';
import { eventsOf } from '../../src/plan/layouts/timeline.js';
import { splitSentences } from '../../src/sentences.js';

const root = path.resolve(import.meta.dirname, '../..');
const id: CondenseContext = { lang: 'id', acronyms: findAcronyms('Kerja Sama Selatan-Selatan (KSS). Konferensi Asia Afrika (KAA).'), introduced: new Set(['KSS', 'KAA']) };
const en: CondenseContext = { lang: 'en', acronyms: [], introduced: new Set() };
const plan = (body: string, lang = 'id') => planDeck(parseEssay({ source: `---\ntitle: T\nlang: ${lang}\n---\n\n${body}\n`, file: 'essay.md', baseDir: root, slug: 'essay' }));
const layouts = (body: string, lang = 'id') => plan(body, lang).slides.filter((s) => s.kind === 'content').map((s) => s.body?.layout);

describe('big number', () => {
  it.each([
    ['Ini karena inflasi yang terjadi pada masa itu mencapai hingga 500% sehingga Indonesia sangat kalut.', '500%'],
    ['Jumlah UMKM di Indonesia telah mencapai sekitar 64 juta unit usaha (BPS, 2022).', '64 juta unit usaha'],
    ['On a calm night a large city can be up to 7 °C warmer than the countryside.', '7 °C'],
    ['A diesel generator costs about 0.35 USD per kWh.', '0.35 USD'],
  ])('finds the figure in "%s"', (sentence, figure) => {
    expect(findFigure(sentence)).toBe(figure);
  });

  it('keeps the essay\'s qualifier in the caption: a forecast stays a forecast', () => {
    const big = bigNumberOf('Melalui diplomasi ekonomi ini, beberapa pakar ahli merasa jika Kerjasama Selatan-Selatan ini akan memberikan sumbangan yang cukup besar terhadap pertumbuhan ekonomi di Indonesia yakni sebesar 57% dari total GDP seluruh dunia pada tahun 2030 mendatang (Pujayanti, 2015).', id);
    expect(big?.figure).toBe('57%');
    expect(big?.caption).toMatch(/akan .*57%.*pada tahun 2030/u);
    expect(bigNumberOf('By 2050, heat waves could cause 250,000 deaths a year.', en)?.caption).toMatch(/^By 2050|could/u);
  });

  it('is not chosen for a year alone, or a year inside a citation', () => {
    expect(findFigure('KSS bermula sejak Konferensi Asia Afrika di Bandung pada 1955.')).toBeUndefined();
    expect(findFigure('Kerja sama ini terus tumbuh (Pujayanti, 2015).')).toBeUndefined();
    expect(layouts('KSS bermula pada 1955. Kerja sama ini tumbuh di Asia. Indonesia menjadi anggota aktif.')).not.toContain('bignumber');
  });
});

describe('timeline', () => {
  it('names who did it when the dated clause is about a person named before it ("… Luke Howard, a London chemist, who in 1818 published …")', () => {
    const sentence = 'The first person to describe this difference systematically was Luke Howard, a London chemist and amateur meteorologist, who in 1818 published the first volume of *The Climate of London* (Howard, 1818).';
    const [event] = eventsOf([sentence], { lang: 'en', acronyms: [], introduced: new Set() });
    expect(event?.label).toBe('Luke Howard published the first volume of *The Climate of London*');
    // Without a name before it, the clause speaks for itself.
    const [plain] = eventsOf(['Scientists who in 1982 measured the city found it warmer.'], { lang: 'en', acronyms: [], introduced: new Set() });
    expect(plain?.label).not.toMatch(/^Scientists who/u);
  });
  it('reads the dated events of the shared essay\'s history, sorted, with a short label each', () => {
    const essay = readFileSync(path.join(root, 'content/kerja-sama-selatan-selatan.md'), 'utf8');
    const history = essay.slice(essay.indexOf('## Terbentuknya'), essay.indexOf('## Keterkaitan'));
    const events = eventsOf(splitSentences(history.split('\n').slice(2).join(' ')), id);
    expect(events.map((e) => e.date)).toEqual(['1945', '1951', '1955', '2010', '2017']);
    for (const event of events) expect(event.label.split(' ').length).toBeLessThanOrEqual(10);
    expect(events.find((e) => e.date === '1955')?.label).toMatch(/KAA|Konferensi Asia Afrika/u);
  });

  it('reads English too, and keeps years inside citations and goals out', () => {
    const events = eventsOf(
      splitSentences('Luke Howard described London\'s heat in 1818. Oke (1982) explained it with the energy balance. The 2003 heatwave killed many people in Europe. Cities plan to plant trees by 2030.'),
      en,
    );
    expect(events.map((e) => e.date)).toEqual(['1818', '2003']);
  });

  it('never cuts a title in emphasis in half: the label runs on to its end', () => {
    const events = eventsOf(
      splitSentences(
        'The first person to describe this difference systematically was Luke Howard, a London chemist and amateur meteorologist, who in 1818 published the first volume of *The Climate of London* (Howard, 1818). Oke explained it in 1982. The 2003 heatwave killed many people.',
      ),
      en,
    );
    expect(events[0]!.label).toMatch(/\*The Climate of London\*$/u);
  });

  it('keeps out the year a target aims at, however far the year follows the target', () => {
    const events = eventsOf(
      splitSentences('Kemudian, pada tahun 2022 pemerintah menetapkan target agar 30 juta UMKM sudah masuk ke dalam ekosistem digital pada tahun 2024.'),
      id,
    );
    expect(events.map((e) => e.date)).toEqual(['2022']);
  });

  it('needs three dated events: one date alone is no timeline', () => {
    expect(layouts('Indonesia merdeka pada 1945. KSS bermula di Bandung. Kerja sama ini tumbuh pesat.')).not.toContain('timeline');
    expect(layouts('Indonesia merdeka pada 1945. KSS bermula di Bandung pada 1955. Pada 2010 KSS masuk RPJMN.')).toContain('timeline');
  });
});

describe('definition', () => {
  it('takes the term of a paragraph that opens by defining it', () => {
    expect(definitionOf('UMKM adalah usaha produktif milik orang perorangan atau badan usaha.', 'id')).toMatchObject({ term: 'UMKM' });
    expect(definitionOf('Literasi digital merupakan kemampuan seseorang menggunakan teknologi digital secara efektif.', 'id')).toMatchObject({ term: 'Literasi digital' });
    expect(definitionOf('A heat island is an area, usually a city, that is warmer than its surroundings.', 'en')).toMatchObject({ term: 'heat island' });
    expect(definitionOf('Albedo refers to how much sunlight a surface reflects.', 'en')).toMatchObject({ term: 'Albedo' });
  });

  it('leaves a claim alone, and an "adalah" in mid-paragraph', () => {
    expect(definitionOf('The main cause of the heat island is the replacement of natural land.', 'en')).toBeNull();
    expect(definitionOf('Upaya yang dilakukan Indonesia untuk memperluas jangkauan ekonomi adalah penting.', 'id')).toBeNull();
    expect(layouts('Indonesia terus tumbuh pesat di kawasan. UMKM adalah usaha produktif milik orang perorangan. Jumlahnya terus bertambah setiap tahun.')).not.toContain('definition');
    expect(layouts('UMKM adalah usaha produktif milik orang perorangan. Jumlahnya terus bertambah setiap tahun. Banyak usaha kini menjual secara daring.')).toContain('definition');
  });
});

describe('comparison', () => {
  it.each([
    ['saat ini Indonesia bukan hanya sebagai negara penerima manfaat internasional namun juga menjadi negara donor bagi negara berkembang.', 'id', 'Bukan hanya', 'Namun juga'],
    ['Heat is not only uncomfortable for city dwellers but also dangerous to the health of older people.', 'en', 'Not only', 'But also'],
    ['Dulu Indonesia hanya menerima bantuan dari negara lain, sekarang Indonesia menyalurkan bantuan kepada negara berkembang.', 'id', 'Dulu', 'Sekarang'],
    ['Vegetated land cools itself by evaporating water, whereas sealed urban surfaces send rain straight into drains.', 'en', 'Vegetated land', 'Sealed urban surfaces'],
    ['Usaha besar memiliki akses modal yang luas, sedangkan usaha mikro masih kesulitan mendapatkan pinjaman bank.', 'id', 'Usaha besar', 'Usaha mikro'],
  ])('sets two sides apart in "%s"', (sentence, lang, left, right) => {
    const comparison = comparisonOf(sentence, lang === 'id' ? id : en);
    expect(comparison?.columns.map((c) => c.heading)).toEqual([left, right]);
    for (const column of comparison!.columns) expect(column.text.split(' ').length).toBeGreaterThanOrEqual(2);
  });

  it('leaves a mere "from … to …" alone', () => {
    expect(comparisonOf('The record-breaking summer of 2018, from Japan to Scandinavia, confirmed the risk.', en)).toBeNull();
  });
});

describe('quote', () => {
  it('shows who said it from a closing dash line, and leaves a dash inside the quote alone', () => {
    const signed = plan('## Kutipan\n\n> Energy independence is a matter of survival for us.\n> — Enele Sopoaga', 'en');
    expect(signed.slides.find((s) => s.body?.layout === 'quote')?.body).toMatchObject({ text: 'Energy independence is a matter of survival for us.', attribution: 'Enele Sopoaga' });
    const unsigned = plan('## Kutipan\n\n> Kita harus berdikari — dalam ekonomi dan politik.');
    expect(unsigned.slides.find((s) => s.body?.layout === 'quote')?.body).toEqual({ layout: 'quote', text: 'Kita harus berdikari — dalam ekonomi dan politik.', attribution: undefined });
  });
});

describe('image with text', () => {
  it('shows a picture that follows a paragraph beside its points, and a picture alone on its own', () => {
    const file = path.join(root, 'tests/fixtures/essays/image-text.md');
    const deck = planDeck(parseEssay({ source: readFileSync(file, 'utf8'), file, baseDir: path.dirname(file), slug: 'image-text' }));
    const slide = deck.slides.find((s) => s.body?.layout === 'image');
    expect(slide?.body).toMatchObject({ layout: 'image', src: 'chart.png', caption: 'Solar share by island, 2012–2020' });
    expect(slide?.body?.layout === 'image' && slide.body.points?.length).toBeGreaterThanOrEqual(1);
    expect(slide?.title).toMatch(/^Solar power now supplies most of the electricity/u);
    expect(layouts('## Gambar\n\n![Peta](chart.png)')).toEqual(['image']);
  });
});

describe('steps and the author\'s markers', () => {
  it('shows an enumeration of three to six items as numbered cards, and a longer one as a list', () => {
    const three = plan('Terdapat beberapa prinsip dasar diplomasi Indonesia, diantaranya ialah: 1) penegakan demokrasi; 2) peningkatan inklusi; dan 3) peningkatan penelitian.');
    expect(three.slides.find((s) => s.kind === 'content')?.body).toMatchObject({ layout: 'steps', items: [{ text: 'Penegakan demokrasi' }, { text: 'Peningkatan inklusi' }, { text: 'Peningkatan penelitian' }] });
    const seven = plan('Paragraf pembuka yang menjelaskan daftar berikut ini.\n\n- satu\n- dua\n- tiga\n- empat\n- lima\n- enam\n- tujuh');
    expect(seven.slides.filter((s) => s.kind === 'content').map((s) => s.body?.layout)).not.toContain('steps');
  });

  it('forces a layout with layout=…, refuses them with layout=points, and warns about an unknown one', () => {
    const body = 'Inflasi pada masa itu mencapai 500% sehingga Indonesia sangat kalut. Pemerintah kemudian mengubah kebijakan ekonomi. Kerja sama selatan pun tumbuh kembali.';
    expect(layouts(body)).toContain('bignumber');
    expect(layouts(`<!-- paparan: layout=points -->\n${body}`)).not.toContain('bignumber');
    const forced = plan(`<!-- paparan: layout=timeline -->\nIndonesia merdeka pada 1945. KSS bermula di Bandung pada 1955. Kerja sama ini terus tumbuh.`);
    expect(forced.slides.map((s) => s.body?.layout)).toContain('timeline');
    const unknown = plan(`<!-- paparan: layout=pyramid -->\n${body}`);
    expect(unknown.diagnostics.map((d) => d.message)).toContainEqual(expect.stringMatching(/unknown layout "pyramid": use one of bignumber, timeline/u));
  });

  it('gives the shared essay a timeline, two big numbers, a comparison, a definition and cards, within 22 slides', () => {
    const deck = planDeck(parseEssay({ source: readFileSync(path.join(root, 'content/kerja-sama-selatan-selatan.md'), 'utf8'), file: 'k.md', baseDir: root, slug: 'k' }));
    const used = deck.slides.map((s) => s.body?.layout);
    for (const layout of ['timeline', 'bignumber', 'compare', 'definition', 'steps']) expect(used, layout).toContain(layout);
    expect(used.filter((l) => l === 'bignumber')).toHaveLength(2);
    expect(deck.slides.length).toBeLessThanOrEqual(22);
  });

  it('gives an essay with none of these patterns none of these layouts', () => {
    const plain = layouts('Kota-kota besar tumbuh cepat. Penduduk pindah dari desa ke kota untuk bekerja. Pemerintah membangun jalan dan sekolah baru.\n\nWarga kota membutuhkan ruang hijau. Taman kota membantu warga beristirahat. Pohon juga menyejukkan udara kota.');
    expect(plain.every((l) => l === 'bullets' || l === 'statement')).toBe(true);
  });
});
