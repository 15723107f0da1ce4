// Print job preparation: the card face PDF (layout measured with DejaVu Sans, the font embedded and
// subset, the photo embedded), p95 over many cards. Two peers in the same run: the same PDF parsing
// the font files afresh for each card (pdf-lib's default, which the desk's cachingFontkit avoids),
// and the same layout drawn with pdf-lib's standard Helvetica, nothing embedded: what embedding costs,
// were Helvetica able to print Ł, Š, ū and Ŋ (it is not: WinAnsi only, so that peer's names are
// ASCII). Rounds rotate the three, so a loaded machine slows each alike.
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, StandardFonts, rgb, type PDFFont } from 'pdf-lib';
import { cardFaceLayout, renderCardFacePdf } from '../../src-main/core/production/card-face-pdf';
import type { CardFaceFacts } from '../../src-shared/domain/card-face';
import { makePng } from '../harness/images';
import { fmt, fmtRatio, percentileRatio, summarise } from './stats';

const FACTS: CardFaceFacts = {
  givenName: 'Łukasz Šarūnas',
  familyName: 'Ŋ',
  employerName: 'Bygg & Anläggning Norrland AB',
  organisationNumber: '556036-0793',
  printedNumber: 'SE0000012345',
  validFrom: '2026-11-24',
  validUntil: '2031-11-23',
  kind: 'id06',
  site: 'Kiruna',
  hasPhoto: true,
};
const ASCII_FACTS: CardFaceFacts = {
  ...FACTS,
  givenName: 'Lukasz Sarunas',
  familyName: 'N',
  employerName: 'Bygg AB',
};

async function helveticaPdf(facts: CardFaceFacts, png: Uint8Array): Promise<Uint8Array> {
  const layout = cardFaceLayout(facts);
  const doc = await PDFDocument.create();
  const fonts: Record<'regular' | 'bold', PDFFont> = {
    regular: await doc.embedFont(StandardFonts.Helvetica),
    bold: await doc.embedFont(StandardFonts.HelveticaBold),
  };
  const image = await doc.embedPng(png);
  for (const side of [layout.front, layout.back]) {
    const page = doc.addPage([layout.width, layout.height]);
    for (const e of side) {
      const top = layout.height - e.y;
      if (e.type === 'text') page.drawText(e.text, { x: e.x, y: top, size: e.size, font: fonts[e.weight] });
      else if (e.type === 'photo')
        page.drawImage(image, { x: e.x, y: top - e.height, width: e.width, height: e.height });
      else if (e.type === 'rect')
        page.drawRectangle({
          x: e.x,
          y: top - e.height,
          width: e.width,
          height: e.height,
          color: rgb(0.1, 0.3, 0.5),
        });
    }
  }
  return doc.save();
}

export async function benchFacePdf(cards = 300): Promise<void> {
  const png = new Uint8Array(makePng(300, 400));
  const photo = { mime: 'image/png', bytes: png };
  const samples = { ours: [] as number[], uncached: [] as number[], helvetica: [] as number[] };
  const bytes = { ours: 0, uncached: 0, helvetica: 0 };
  const make = {
    ours: (n: string) => renderCardFacePdf({ ...FACTS, printedNumber: n }, photo),
    uncached: (n: string) => renderCardFacePdf({ ...FACTS, printedNumber: n }, photo, { fontkit }),
    helvetica: (n: string) => helveticaPdf({ ...ASCII_FACTS, printedNumber: n }, png),
  };
  const kinds = Object.keys(make) as (keyof typeof make)[];
  // Warm-up: the first document reads the font files and parses them.
  const first = performance.now();
  await make.ours('SE0000000000');
  const coldMs = performance.now() - first;
  for (const kind of kinds) await make[kind]('SE0000000000');
  for (let i = 0; i < cards; i++) {
    const number = `SE${String(i).padStart(10, '0')}`;
    for (let k = 0; k < kinds.length; k++) {
      const kind = kinds[(i + k) % kinds.length]!;
      const t0 = performance.now();
      bytes[kind] = (await make[kind](number)).length;
      samples[kind].push(performance.now() - t0);
    }
  }
  const line = (kind: keyof typeof make, label: string) => {
    const s = summarise(samples[kind]);
    console.log(
      `  ${label}: p50 ${fmt(s.p50)}  p95 ${fmt(s.p95)}  max ${fmt(s.max)}  (${(bytes[kind] / 1024).toFixed(1)} KiB)`,
    );
  };
  console.log(`\nCard face PDF (print job preparation), ${cards} cards, front and back with a 300×400 photo`);
  console.log(`  first card in the process (fonts read and parsed): ${fmt(coldMs)}`);
  line('ours', 'the desk: DejaVu Sans embedded + subset, parsed once');
  line('uncached', 'peer: the same, font parsed for each card');
  line('helvetica', 'peer: Helvetica (WinAnsi, nothing embedded)');
  console.log(
    `  p95 ratio desk / parsed each card: ${fmtRatio(percentileRatio(samples.ours, samples.uncached, 95))}`,
  );
  console.log(
    `  p95 ratio desk / Helvetica: ${fmtRatio(percentileRatio(samples.ours, samples.helvetica, 95))}`,
  );
}
