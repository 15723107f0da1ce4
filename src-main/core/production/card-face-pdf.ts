// The card face as a PDF: two ID-1 pages (front, back) drawn from the one layout the preview shows.
// DejaVu Sans is embedded and subset, so Ł, Š, ū and Ŋ print as written; pdf-lib's standard fonts
// are WinAnsi only and would refuse or mangle them.
import type fontkit from '@pdf-lib/fontkit';
import {
  clip,
  endPath,
  PDFDocument,
  popGraphicsState,
  pushGraphicsState,
  rectangle,
  rgb,
  type PDFFont,
  type PDFImage,
  type PDFPage,
} from 'pdf-lib';
import {
  layoutCardFace,
  type CardFaceFacts,
  type CardFaceLayout,
  type FaceElement,
  type FontWeight,
} from '../../../src-shared/domain/card-face';
import { cachingFontkit, fontBytes } from '../pdf/fonts';
import { measureFaceText } from './face-metrics';

export interface FacePhoto {
  mime: string;
  bytes: Uint8Array;
}

function colour(hex: string) {
  const n = Number.parseInt(hex.slice(1), 16);
  return rgb(((n >> 16) & 255) / 255, ((n >> 8) & 255) / 255, (n & 255) / 255);
}

/** Fills the box with the photo, cropped to the box's aspect around its centre (as the preview does). */
function drawPhoto(
  page: PDFPage,
  image: PDFImage,
  box: { x: number; y: number; width: number; height: number },
) {
  const scale = Math.max(box.width / image.width, box.height / image.height);
  const width = image.width * scale;
  const height = image.height * scale;
  const bottom = page.getHeight() - box.y - box.height;
  page.pushOperators(pushGraphicsState(), rectangle(box.x, bottom, box.width, box.height), clip(), endPath());
  page.drawImage(image, {
    x: box.x - (width - box.width) / 2,
    y: bottom - (height - box.height) / 2,
    width,
    height,
  });
  page.pushOperators(popGraphicsState());
}

function drawElements(
  page: PDFPage,
  elements: FaceElement[],
  fonts: Record<FontWeight, PDFFont>,
  image: PDFImage | null,
): void {
  const top = page.getHeight();
  for (const e of elements) {
    if (e.type === 'rect') {
      page.drawRectangle({
        x: e.x,
        y: top - e.y - e.height,
        width: e.width,
        height: e.height,
        color: colour(e.fill),
      });
    } else if (e.type === 'photo') {
      if (image) drawPhoto(page, image, e);
    } else if (e.type === 'photoMissing') {
      page.drawRectangle({
        x: e.x,
        y: top - e.y - e.height,
        width: e.width,
        height: e.height,
        borderColor: colour(e.stroke),
        borderWidth: 0.75,
      });
    } else {
      page.drawText(e.text, {
        x: e.x,
        y: top - e.y,
        size: e.size,
        font: fonts[e.weight],
        color: colour(e.colour),
      });
    }
  }
}

async function embedPhoto(doc: PDFDocument, photo: FacePhoto | null): Promise<PDFImage | null> {
  if (!photo) return null;
  return photo.mime === 'image/png' ? doc.embedPng(photo.bytes) : doc.embedJpg(photo.bytes);
}

/** The layout the PDF draws: measured with the embedded font itself. */
export function cardFaceLayout(facts: CardFaceFacts): CardFaceLayout {
  return layoutCardFace(facts, measureFaceText);
}

/** A two-page PDF (front, back), each page exactly ID-1. */
export async function renderCardFacePdf(
  facts: CardFaceFacts,
  photo: FacePhoto | null,
  options: { title?: string; fontkit?: typeof fontkit } = {},
): Promise<Uint8Array> {
  const layout = cardFaceLayout({ ...facts, hasPhoto: photo !== null });
  const doc = await PDFDocument.create();
  doc.registerFontkit(options.fontkit ?? cachingFontkit);
  const title = options.title ?? `Card ${facts.printedNumber}`;
  doc.setTitle(title);
  doc.setCreator('Frontdesk ID');
  const fonts: Record<FontWeight, PDFFont> = {
    regular: await doc.embedFont(fontBytes('regular'), { subset: true }),
    bold: await doc.embedFont(fontBytes('bold'), { subset: true }),
  };
  const image = await embedPhoto(doc, photo);
  for (const side of [layout.front, layout.back]) {
    drawElements(doc.addPage([layout.width, layout.height]), side, fonts, image);
  }
  return doc.save();
}
