// The card face's layout: everything on the card, nothing cut, long names shrunk or broken to fit.
// Widths here come from a stand-in measure (every character 0.6 em, bold 0.65 em); the PDF tests
// measure with DejaVu Sans itself.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ID1,
  MIN_TEXT_SIZE,
  layoutCardFace,
  type CardFaceFacts,
  type FaceElement,
  type MeasureText,
} from '../../../../src-shared/domain/card-face';

const measure: MeasureText = (text, size, weight) =>
  [...text].length * size * (weight === 'bold' ? 0.65 : 0.6);

const FACTS: CardFaceFacts = {
  givenName: 'Łukasz Šarūnas',
  familyName: 'Ŋ',
  employerName: 'Bygg & Anläggning Norrland AB',
  organisationNumber: '556677-8899',
  printedNumber: 'SE0000012345',
  validFrom: '2026-12-02',
  validUntil: '2031-12-01',
  kind: 'id06',
  site: 'Kiruna',
  hasPhoto: true,
};

type Text = Extract<FaceElement, { type: 'text' }>;
const texts = (elements: FaceElement[], role?: Text['role']) =>
  elements.filter((e): e is Text => e.type === 'text' && (!role || e.role === role));
const words = (s: string) => s.split(/\s+/).filter(Boolean).join(' ');

describe('card face layout', () => {
  it('is an ID-1 card: 85.60 × 53.98 mm, 242.65 × 153.01 pt', () => {
    const layout = layoutCardFace(FACTS, measure);
    expect(layout.width).toBe(242.65);
    expect(layout.height).toBe(153.01);
    expect((ID1.widthMm / 25.4) * 72).toBeCloseTo(ID1.width, 1);
    expect((ID1.heightMm / 25.4) * 72).toBeCloseTo(ID1.height, 1);
  });

  it('prints the names exactly as written, with the photo, employer, number and validity', () => {
    const { front, back } = layoutCardFace(FACTS, measure);
    expect(texts(front, 'givenName').map((t) => t.text)).toEqual(['Łukasz Šarūnas']);
    expect(texts(front, 'familyName').map((t) => t.text)).toEqual(['Ŋ']);
    expect(texts(front, 'employer')[0]?.text).toBe('Bygg & Anläggning Norrland AB');
    expect(texts(front, 'organisationNumber')[0]?.text).toContain('556677-8899');
    expect(texts(front, 'printedNumber')[0]?.text).toBe('SE0000012345');
    expect(texts(front, 'validity')[0]?.text).toContain('2031-12-01');
    expect(front.some((e) => e.type === 'photo')).toBe(true);
    expect(
      texts(back, 'holderName')
        .map((t) => t.text)
        .join(' '),
    ).toBe('Łukasz Šarūnas Ŋ');
    expect(texts(back, 'printedNumber')[0]?.text).toBe('SE0000012345');
  });

  it('marks where the photo goes when there is none', () => {
    const { front } = layoutCardFace({ ...FACTS, hasPhoto: false }, measure);
    expect(front.some((e) => e.type === 'photo')).toBe(false);
    expect(front.some((e) => e.type === 'photoMissing')).toBe(true);
  });

  it('shrinks a long family name to fit its line, then breaks it, never cuts it', () => {
    const long = 'von Hohenzollern-Sigmaringen de la Torre Ödegaard Åkerström';
    const { front } = layoutCardFace({ ...FACTS, familyName: long }, measure);
    const lines = texts(front, 'familyName');
    expect(lines.length).toBe(2);
    expect(lines.map((l) => l.text).join(' ')).toBe(long);
    const short = texts(layoutCardFace(FACTS, measure).front, 'familyName')[0]!;
    expect(lines[0]!.size).toBeLessThan(short.size);
  });

  it('for any names, every text stays inside the card and its box, and no character is lost', () => {
    const name = fc
      .array(fc.stringMatching(/^[A-Za-zÅÄÖåäöŁłŠšūŊŋØøÆæ'-]{1,30}$/), { minLength: 1, maxLength: 8 })
      .map((parts) => parts.join(' '))
      .filter((s) => s.length <= 100);
    fc.assert(
      fc.property(name, name, fc.option(name, { nil: null }), (givenName, familyName, employerName) => {
        const facts = { ...FACTS, givenName, familyName, employerName };
        const layout = layoutCardFace(facts, measure);
        for (const side of [layout.front, layout.back]) {
          for (const t of texts(side)) {
            expect(measure(t.text, t.size, t.weight)).toBeLessThanOrEqual(t.maxWidth + 1e-6);
            expect(t.x).toBeGreaterThanOrEqual(0);
            expect(t.x + measure(t.text, t.size, t.weight)).toBeLessThanOrEqual(layout.width + 1e-6);
            expect(t.y).toBeLessThanOrEqual(layout.height);
            expect(t.size).toBeGreaterThan(0);
          }
        }
        const front = layout.front;
        expect(
          texts(front, 'givenName')
            .map((t) => t.text)
            .join(' '),
        ).toBe(words(givenName));
        expect(
          texts(front, 'familyName')
            .map((t) => t.text)
            .join(' '),
        ).toBe(words(familyName));
        if (employerName)
          expect(
            texts(front, 'employer')
              .map((t) => t.text)
              .join(' '),
          ).toBe(words(employerName));
      }),
      { numRuns: 300 },
    );
  });

  it('keeps names of ordinary length at a readable size on one line', () => {
    const { front } = layoutCardFace({ ...FACTS, givenName: 'Anna-Karin', familyName: 'Lindqvist' }, measure);
    for (const role of ['givenName', 'familyName'] as const) {
      const lines = texts(front, role);
      expect(lines).toHaveLength(1);
      expect(lines[0]!.size).toBeGreaterThanOrEqual(MIN_TEXT_SIZE);
    }
  });
});
