// The card face: one layout, two renderers. The core draws it into the PDF that is printed and the
// screens draw it as SVG for the preview, so what is previewed is what prints. ISO/IEC 7810 ID-1:
// 85.60 × 53.98 mm, i.e. 242.65 × 153.01 pt, landscape. Coordinates are points from the top-left
// corner (as in SVG); text is placed by its baseline. Pure: text widths come from the caller, who
// measures with the font that will be drawn (DejaVu Sans, embedded in the PDF).
import type { CardKind } from './card-states';

export const ID1 = { widthMm: 85.6, heightMm: 53.98, width: 242.65, height: 153.01 } as const;

/** The smallest size any text is drawn at before a line is broken; below it a name is still shrunk, never cut. */
export const MIN_TEXT_SIZE = 5;

export type FontWeight = 'regular' | 'bold';
/** The width in points of `text` set in `weight` at `size` points. */
export type MeasureText = (text: string, size: number, weight: FontWeight) => number;

export interface CardFaceFacts {
  /** Exactly as on the holder's ID document: printed as written, never transliterated or cut. */
  givenName: string;
  familyName: string;
  employerName: string | null;
  organisationNumber: string | null;
  printedNumber: string;
  validFrom: string | null;
  validUntil: string | null;
  kind: CardKind;
  site: string | null;
  hasPhoto: boolean;
}

export type FaceElement =
  | { type: 'rect'; x: number; y: number; width: number; height: number; fill: string }
  | { type: 'photo'; x: number; y: number; width: number; height: number }
  /** Where the photo goes when there is none: an outlined box. */
  | { type: 'photoMissing'; x: number; y: number; width: number; height: number; stroke: string }
  | {
      type: 'text';
      /** Which fact the text shows, for tests and the screens' labels. */
      role: FaceTextRole;
      x: number;
      /** The baseline. */
      y: number;
      size: number;
      weight: FontWeight;
      colour: string;
      text: string;
      /** Its width as measured with the card's font: the preview stretches its own font to it. */
      width: number;
      /** The width it was fitted to: drawn text never exceeds it. */
      maxWidth: number;
    };

export type FaceTextRole =
  | 'kind'
  | 'site'
  | 'givenName'
  | 'familyName'
  | 'employer'
  | 'organisationNumber'
  | 'printedNumber'
  | 'validity'
  | 'holderName'
  | 'notice';

export interface CardFaceLayout {
  width: number;
  height: number;
  front: FaceElement[];
  back: FaceElement[];
}

/** The words printed on every card, in the languages the desks' holders read. */
export const FACE_LABELS = {
  organisationNumber: 'Org. nr',
  validUntil: 'Giltig t.o.m. / Valid until',
  cardNumber: 'Kortnr / Card no.',
  /** One line per language. */
  personal: [
    'Personligt kort. Hittat? Lämna det till receptionen.',
    'Personal card. Found? Return it to reception.',
  ],
} as const;

const KIND_TITLES: Record<CardKind, string> = {
  id06: 'ID06',
  access_card: 'ACCESS CARD',
  smart_card: 'SMART CARD',
  mobile_id: 'MOBILE ID',
};

/** Each kind of card has its own band colour, so a wrong kind is seen across the desk. */
export const KIND_COLOURS: Record<CardKind, string> = {
  id06: '#1d4e89',
  access_card: '#0f766e',
  smart_card: '#5b3f8c',
  mobile_id: '#7a4b12',
};

const INK = '#1a1a1a';
const MUTED = '#4a4a4a';
const WHITE = '#ffffff';

const MARGIN = 9;
const BAND = 24;
const PHOTO = { x: MARGIN, y: BAND + 8, width: 69, height: 92 } as const;
const COLUMN_X = PHOTO.x + PHOTO.width + 9;
const COLUMN_WIDTH = ID1.width - COLUMN_X - MARGIN;
const LINE_GAP = 1.18;

type TextElement = Extract<FaceElement, { type: 'text' }>;

interface Box {
  x: number;
  /** Top of the box. */
  top: number;
  width: number;
  height: number;
}

interface TextStyle {
  role: FaceTextRole;
  size: number;
  weight: FontWeight;
  colour: string;
  maxLines: number;
}

/** Breaks `words` into `count` lines so that the widest line is as narrow as it can be. */
function splitIntoLines(words: string[], count: number, widthOf: (s: string) => number): string[] {
  if (count <= 1 || words.length <= 1) return [words.join(' ')];
  const line = (from: number, to: number) => words.slice(from, to).join(' ');
  let best = { lines: [words.join(' ')], widest: Number.POSITIVE_INFINITY };
  // Every way to cut the words into `count` lines; names have few words, so this stays small.
  const cut = (from: number, linesLeft: number, lines: string[]): void => {
    if (linesLeft === 1) {
      const all = [...lines, line(from, words.length)];
      const widest = Math.max(...all.map(widthOf));
      if (widest < best.widest) best = { lines: all, widest };
      return;
    }
    for (let to = from + 1; to <= words.length - linesLeft + 1; to++)
      cut(to, linesLeft - 1, [...lines, line(from, to)]);
  };
  cut(0, Math.min(count, words.length), []);
  return best.lines;
}

/**
 * `text` in the box at the largest size that fits, on as few lines as give that size: shrunk, then
 * broken at spaces, then shrunk further. Never cut: every character is drawn.
 */
export function fitText(text: string, box: Box, style: TextStyle, measure: MeasureText): TextElement[] {
  const words = text.split(/\s+/).filter((w) => w.length > 0);
  if (words.length === 0) return [];
  const widthAt1 = (s: string) => measure(s, 1, style.weight);
  let best: { lines: string[]; size: number } | null = null;
  for (let count = 1; count <= Math.min(style.maxLines, words.length); count++) {
    const lines = splitIntoLines(words, count, widthAt1);
    const widest = Math.max(...lines.map(widthAt1));
    const byWidth = widest > 0 ? box.width / widest : style.size;
    const byHeight = box.height / (lines.length * LINE_GAP);
    const size = Math.min(style.size, byWidth, byHeight);
    // One line wins unless it would go below the minimum size; more lines must give a larger size.
    if (!best || (best.size < MIN_TEXT_SIZE && size > best.size)) best = { lines, size };
  }
  const { lines, size } = best!;
  // Rounded down to a hundredth, so rounding never makes a line wider than its box.
  const drawn = Math.floor(size * 100) / 100;
  return lines.map((line, i) => ({
    type: 'text',
    role: style.role,
    x: box.x,
    y: box.top + drawn * (0.93 + i * LINE_GAP),
    size: drawn,
    weight: style.weight,
    colour: style.colour,
    text: line,
    width: measure(line, drawn, style.weight),
    maxWidth: box.width,
  }));
}

function front(facts: CardFaceFacts, measure: MeasureText): FaceElement[] {
  const elements: FaceElement[] = [
    { type: 'rect', x: 0, y: 0, width: ID1.width, height: ID1.height, fill: WHITE },
    { type: 'rect', x: 0, y: 0, width: ID1.width, height: BAND, fill: KIND_COLOURS[facts.kind] },
  ];
  const bandText = (text: string, role: FaceTextRole, x: number, width: number, weight: FontWeight) =>
    fitText(
      text,
      { x, top: 6, width, height: 13 },
      { role, size: role === 'kind' ? 11 : 7.5, weight, colour: WHITE, maxLines: 1 },
      measure,
    );
  elements.push(...bandText(KIND_TITLES[facts.kind], 'kind', MARGIN, 90, 'bold'));
  if (facts.site) {
    const site = bandText(facts.site, 'site', ID1.width / 2, ID1.width / 2 - MARGIN, 'regular');
    // Right-aligned in the band: shift each line by what is left of its box.
    for (const line of site) line.x += line.maxWidth - line.width;
    elements.push(...site);
  }
  elements.push(
    facts.hasPhoto ? { type: 'photo', ...PHOTO } : { type: 'photoMissing', ...PHOTO, stroke: '#9a9a9a' },
  );

  const column = (top: number, height: number): Box => ({ x: COLUMN_X, top, width: COLUMN_WIDTH, height });
  const text = (
    value: string,
    box: Box,
    role: FaceTextRole,
    size: number,
    weight: FontWeight,
    maxLines = 1,
  ) =>
    fitText(
      value,
      box,
      { role, size, weight, colour: role === 'givenName' || role === 'familyName' ? INK : MUTED, maxLines },
      measure,
    );

  elements.push(...text(facts.givenName, column(PHOTO.y, 24), 'givenName', 11, 'bold', 2));
  elements.push(...text(facts.familyName, column(PHOTO.y + 25, 24), 'familyName', 11, 'bold', 2));
  if (facts.employerName)
    elements.push(...text(facts.employerName, column(PHOTO.y + 52, 18), 'employer', 8, 'regular', 2));
  if (facts.organisationNumber)
    elements.push(
      ...text(
        `${FACE_LABELS.organisationNumber} ${facts.organisationNumber}`,
        column(PHOTO.y + 71, 9),
        'organisationNumber',
        7,
        'regular',
      ),
    );
  const bottom = PHOTO.y + PHOTO.height;
  elements.push(...text(facts.printedNumber, column(bottom - 9, 10), 'printedNumber', 9.5, 'bold'));
  const validity = facts.validUntil ? `${FACE_LABELS.validUntil} ${facts.validUntil}` : null;
  if (validity)
    elements.push(
      ...fitText(
        validity,
        { x: MARGIN, top: bottom + 5, width: ID1.width - 2 * MARGIN, height: 9 },
        { role: 'validity', size: 7, weight: 'regular', colour: MUTED, maxLines: 1 },
        measure,
      ),
    );
  return elements;
}

function back(facts: CardFaceFacts, measure: MeasureText): FaceElement[] {
  const width = ID1.width - 2 * MARGIN;
  const style = (
    role: FaceTextRole,
    size: number,
    weight: FontWeight,
    maxLines = 1,
    colour = INK,
  ): TextStyle => ({
    role,
    size,
    weight,
    colour,
    maxLines,
  });
  const range = [facts.validFrom, facts.validUntil].filter((d): d is string => Boolean(d)).join(' – ');
  return [
    { type: 'rect', x: 0, y: 0, width: ID1.width, height: ID1.height, fill: WHITE },
    { type: 'rect', x: 0, y: ID1.height - 10, width: ID1.width, height: 10, fill: KIND_COLOURS[facts.kind] },
    ...fitText(
      FACE_LABELS.cardNumber,
      { x: MARGIN, top: 12, width, height: 9 },
      style('notice', 7, 'regular', 1, MUTED),
      measure,
    ),
    ...fitText(
      facts.printedNumber,
      { x: MARGIN, top: 23, width, height: 18 },
      style('printedNumber', 15, 'bold'),
      measure,
    ),
    ...fitText(
      `${facts.givenName} ${facts.familyName}`,
      { x: MARGIN, top: 48, width, height: 24 },
      style('holderName', 10, 'bold', 2),
      measure,
    ),
    ...(range
      ? fitText(
          range,
          { x: MARGIN, top: 76, width, height: 10 },
          style('validity', 8, 'regular', 1, MUTED),
          measure,
        )
      : []),
    ...FACE_LABELS.personal.flatMap((notice, i) =>
      fitText(
        notice,
        { x: MARGIN, top: 98 + i * 11, width, height: 10 },
        style('notice', 7, 'regular', 1, MUTED),
        measure,
      ),
    ),
  ];
}

/** The card's face, front and back, from the facts about the card and its holder. */
export function layoutCardFace(facts: CardFaceFacts, measure: MeasureText): CardFaceLayout {
  return { width: ID1.width, height: ID1.height, front: front(facts, measure), back: back(facts, measure) };
}
