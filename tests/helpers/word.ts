/**
 * Word files for the tests, made as Word makes them: with the `docx` package (the
 * OOXML that Word writes: styles, numbering, footnotes, comments, tracked changes,
 * text boxes, equations), plus what it cannot make (SmartArt, a password-protected
 * file) added part by part the way Word stores it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as docx from 'docx';
import JSZip from 'jszip';

const { AlignmentType, HeadingLevel, LevelFormat, Paragraph, TextRun } = docx;

const chart = readFileSync(path.resolve(import.meta.dirname, '..', 'fixtures', 'essays', 'chart.png'));
const numbering = {
  config: [{ reference: 'angka', levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START }] }],
};

/** An Indonesian essay with the Title style, Heading 1/2, a list, a numbered list, a table, a picture with a caption, footnotes, an endnote, a link and a reference list. */
export async function indonesianEssay(): Promise<Buffer> {
  const document = new docx.Document({
    title: 'Judul di Properti',
    creator: 'Siti Rahma',
    numbering,
    footnotes: { 1: { children: [new Paragraph('Konferensi Asia Afrika berlangsung 18–24 April 1955 di Gedung Merdeka.')] } },
    endnotes: { 1: { children: [new Paragraph('Data Kementerian Luar Negeri, 2023.')] } },
    sections: [
      {
        children: [
          new Paragraph({ text: 'Kerja Sama Selatan-Selatan', heading: HeadingLevel.TITLE }),
          new Paragraph({ text: 'Pendahuluan', heading: HeadingLevel.HEADING_1 }),
          new Paragraph({
            children: [
              new TextRun('Kerja sama ini bermula sejak Konferensi Asia Afrika di Bandung pada tahun 1955.'),
              new docx.FootnoteReferenceRun(1),
              new TextRun(' Kerja sama ini '),
              new TextRun({ text: 'sangat penting', bold: true }),
              new TextRun(' bagi negara '),
              new TextRun({ text: 'berkembang', italics: true }),
              new TextRun(' di belahan bumi selatan (Pujayanti, 2015).'),
            ],
          }),
          new Paragraph({ text: 'Sejarah Singkat', heading: HeadingLevel.HEADING_2 }),
          new Paragraph('Bentuk bantuan yang diberikan Indonesia kepada negara mitra meliputi beberapa hal berikut.'),
          new Paragraph({ text: 'Pelatihan tenaga kerja', bullet: { level: 0 } }),
          new Paragraph({ text: 'Bantuan teknologi', bullet: { level: 0 } }),
          new Paragraph({ text: 'Pertanian dan perikanan', bullet: { level: 1 } }),
          new Paragraph({ text: 'Penguatan demokrasi', numbering: { reference: 'angka', level: 0 } }),
          new Paragraph({ text: 'Pembangunan berkelanjutan', numbering: { reference: 'angka', level: 0 } }),
          new docx.Table({
            rows: [
              ['Negara', 'Tahun', 'Bentuk'],
              ['Mesir', '1945', 'Pengakuan kedaulatan'],
              ['India', '1951', 'Perjanjian persahabatan'],
            ].map((cells) => new docx.TableRow({ children: cells.map((text) => new docx.TableCell({ children: [new Paragraph(text)] })) })),
          }),
          new Paragraph({
            children: [
              new docx.ImageRun({ type: 'png', data: chart, transformation: { width: 320, height: 200 }, altText: { name: 'grafik', title: 'Grafik', description: 'Grafik pangsa bantuan per kawasan' } }),
            ],
          }),
          new Paragraph({ text: 'Gambar 1. Pangsa bantuan Indonesia per kawasan', style: 'Caption' }),
          new Paragraph({ text: 'Potensi', heading: HeadingLevel.HEADING_1 }),
          new Paragraph({
            children: [
              new TextRun('Menurut data resmi, anggaran kerja sama naik setiap tahun sejak 2010.'),
              new docx.EndnoteReferenceRun(1),
              new TextRun(' Informasi lengkap ada di situs '),
              new docx.ExternalHyperlink({ link: 'https://kemlu.go.id', children: [new TextRun({ text: 'Kementerian Luar Negeri', style: 'Hyperlink' })] }),
              new TextRun('.'),
            ],
          }),
          new Paragraph({ text: 'Daftar Pustaka', heading: HeadingLevel.HEADING_1 }),
          new Paragraph('Pujayanti, A. (2015). Kerja sama Selatan-Selatan dan manfaatnya bagi Indonesia. Jakarta: DPR RI.'),
        ],
      },
    ],
  });
  return docx.Packer.toBuffer(document);
}

/** An English essay without the Title style: its first heading is the title, its sections Heading 2. */
export async function englishEssay(): Promise<Buffer> {
  const document = new docx.Document({
    creator: 'Jane Doe',
    sections: [
      {
        children: [
          new Paragraph({ text: 'Renewable Energy in Small Island States', heading: HeadingLevel.HEADING_1 }),
          new Paragraph({ text: 'Why islands are different', heading: HeadingLevel.HEADING_2 }),
          new Paragraph('Small island states import most of their fuel at high cost, and the price swings with every shipment (Smith, 2019). A diesel generator costs about 0.35 USD per kWh, while solar power costs 0.12 USD.'),
          new Paragraph({ text: 'What works', heading: HeadingLevel.HEADING_2 }),
          new Paragraph('Tokelau reached a solar share of 93 percent in 2012. Samoa followed with 30 percent in 2020, and both cut their fuel bills by half.'),
          new Paragraph({ text: 'References', heading: HeadingLevel.HEADING_2 }),
          new Paragraph('Smith, J. (2019). Islands and power. Oxford University Press.'),
        ],
      },
    ],
  });
  return docx.Packer.toBuffer(document);
}

/** An essay with no styles at all: a centred first line, bold lines for headings, numbers and bullets typed by hand. */
export async function handFormattedEssay(): Promise<Buffer> {
  const bold = (text: string, options: Partial<docx.IParagraphOptions> = {}) => new Paragraph({ ...options, children: [new TextRun({ text, bold: true, size: 28 })] });
  const document = new docx.Document({
    sections: [
      {
        children: [
          bold('Peran UMKM dalam Ekonomi Digital', { alignment: AlignmentType.CENTER }),
          new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun('Oleh: Budi Santoso')] }),
          bold('Latar Belakang'),
          new Paragraph('Usaha mikro, kecil dan menengah menyerap sebagian besar tenaga kerja di Indonesia. Digitalisasi membuka pasar baru bagi mereka.'),
          new Paragraph('Ada tiga tantangan utama yang dihadapi pelaku usaha:'),
          new Paragraph('1. Akses internet yang belum merata'),
          new Paragraph('2. Perangkat yang terbatas'),
          new Paragraph('3. Kemampuan digital yang masih rendah'),
          bold('Peluang'),
          new Paragraph({ children: [new TextRun({ text: 'Pemerintah menyediakan pelatihan gratis bagi pelaku usaha.', bold: true })] }),
          new Paragraph('• Pelatihan pemasaran daring'),
          new Paragraph('• Pendampingan ekspor'),
        ],
      },
    ],
  });
  return docx.Packer.toBuffer(document);
}

/** An essay with what slides cannot hold: a text box, a SmartArt graphic, an equation, a comment and tracked changes. */
export async function essayWithExtras(): Promise<Buffer> {
  const document = new docx.Document({
    comments: { children: [{ id: 0, author: 'Dosen', date: new Date('2026-05-01'), children: [new Paragraph('Tambahkan sumber untuk klaim ini')] }] },
    sections: [
      {
        children: [
          new Paragraph({ text: 'Energi Terbarukan', heading: HeadingLevel.TITLE }),
          new Paragraph({ text: 'Latar Belakang', heading: HeadingLevel.HEADING_1 }),
          new Paragraph({
            children: [new docx.CommentRangeStart(0), new TextRun('Tenaga surya kini lebih murah daripada diesel.'), new docx.CommentRangeEnd(0), new TextRun({ children: [new docx.CommentReference(0)] })],
          }),
          new Paragraph({
            children: [
              new TextRun('Harga panel turun '),
              new docx.InsertedTextRun({ text: 'hampir separuh', id: 1, author: 'Budi', date: '2026-05-02T00:00:00Z' }),
              new docx.DeletedTextRun({ text: 'sedikit', id: 2, author: 'Budi', date: '2026-05-02T00:00:00Z' }),
              new TextRun(' dalam sepuluh tahun.'),
            ],
          }),
          new Paragraph({ text: 'Perhitungan', heading: HeadingLevel.HEADING_1 }),
          new Paragraph({ children: [new TextRun('Daya panel dihitung dengan rumus '), new docx.Math({ children: [new docx.MathRun('P = V × I')] })] }),
          new docx.Textbox({ alignment: 'center', style: { width: '200pt', height: '60pt' }, children: [new Paragraph('Satu panel menghasilkan sekitar 400 watt.')] }),
          new Paragraph('SMARTART'),
          new Paragraph('Langkah pemasangan mengikuti urutan di atas.'),
        ],
      },
    ],
  });
  return withSmartArt(await docx.Packer.toBuffer(document), 'SMARTART', ['Survei lokasi', 'Pemasangan panel', 'Uji sistem']);
}

/** Puts a SmartArt graphic (a drawing that names its data part, as Word stores it) where a paragraph reads `marker`. */
async function withSmartArt(buffer: Buffer, marker: string, texts: string[]): Promise<Buffer> {
  const zip = await JSZip.loadAsync(buffer);
  const drawing =
    '<w:p><w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="5486400" cy="3200400"/><wp:docPr id="90" name="Diagram 1"/>' +
    '<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/diagram">' +
    '<dgm:relIds xmlns:dgm="http://schemas.openxmlformats.org/drawingml/2006/diagram" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:dm="rId90" r:lo="rId91" r:qs="rId92" r:cs="rId93"/>' +
    '</a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>';
  const documentXml = await zip.file('word/document.xml')!.async('string');
  const markerParagraph = new RegExp(`<w:p>(?:(?!<w:p>)[\\s\\S])*?${marker}[\\s\\S]*?</w:p>`);
  zip.file('word/document.xml', documentXml.replace(markerParagraph, drawing));
  const points = texts.map((text, i) => `<dgm:pt modelId="${i + 1}"><dgm:prSet/><dgm:spPr/><dgm:t><a:bodyPr/><a:lstStyle/><a:p><a:r><a:rPr lang="id-ID"/><a:t>${text}</a:t></a:r></a:p></dgm:t></dgm:pt>`).join('');
  zip.file(
    'word/diagrams/data1.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><dgm:dataModel xmlns:dgm="http://schemas.openxmlformats.org/drawingml/2006/diagram" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><dgm:ptLst><dgm:pt modelId="0" type="doc"><dgm:prSet/><dgm:spPr/></dgm:pt>${points}</dgm:ptLst><dgm:cxnLst/></dgm:dataModel>`,
  );
  const rels = await zip.file('word/_rels/document.xml.rels')!.async('string');
  zip.file('word/_rels/document.xml.rels', rels.replace('</Relationships>', '<Relationship Id="rId90" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/diagramData" Target="diagrams/data1.xml"/></Relationships>'));
  const types = await zip.file('[Content_Types].xml')!.async('string');
  zip.file('[Content_Types].xml', types.replace('</Types>', '<Override PartName="/word/diagrams/data1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.diagramData+xml"/></Types>'));
  return zip.generateAsync({ type: 'nodebuffer' });
}

/**
 * What Word saves for a document protected with a password: not a zip but an OLE compound file
 * holding the EncryptionInfo and EncryptedPackage streams. Built here header and directory only
 * (no tool on the test machine encrypts), which is all a reader sees before it asks for a password.
 */
export function passwordProtectedFile(): Buffer {
  const header = Buffer.alloc(512);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  header.writeUInt16LE(0x003e, 24); // minor version
  header.writeUInt16LE(0x0003, 26); // major version 3: 512-byte sectors
  header.writeUInt16LE(0xfffe, 28); // little-endian
  header.writeUInt16LE(9, 30); // sector shift
  header.writeUInt16LE(6, 32); // mini sector shift
  header.writeUInt32LE(0, 48); // first directory sector
  const directory = Buffer.alloc(512);
  ['Root Entry', 'EncryptionInfo', 'EncryptedPackage'].forEach((name, i) => {
    const entry = i * 128;
    directory.write(name, entry, 'utf16le');
    directory.writeUInt16LE((name.length + 1) * 2, entry + 64);
    directory.writeUInt8(i === 0 ? 5 : 2, entry + 66); // root storage, then streams
  });
  return Buffer.concat([header, directory, Buffer.alloc(512)]);
}
