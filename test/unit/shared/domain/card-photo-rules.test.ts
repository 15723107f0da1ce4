import { describe, expect, it } from 'vitest';
import {
  cardPhotoProblems,
  monthsBefore,
  type CardPhotoFacts,
} from '../../../../src-shared/domain/card-photo-rules';

const NOW = Date.parse('2026-11-24T09:00:00Z');
const photo = (over: Partial<CardPhotoFacts> = {}): CardPhotoFacts => ({
  mime: 'image/jpeg',
  width: 600,
  height: 800,
  bytes: 200_000,
  takenAt: '2026-11-01T12:00:00Z',
  ...over,
});

describe('card photo rules', () => {
  it('passes ID06’s own minimum, 300×410, and a 3:4 crop', () => {
    expect(cardPhotoProblems(photo({ width: 300, height: 410 }), NOW)).toEqual([]);
    expect(cardPhotoProblems(photo({ width: 900, height: 1200 }), NOW)).toEqual([]);
  });

  it('refuses a photo one pixel under the minimum on either side', () => {
    expect(cardPhotoProblems(photo({ width: 299, height: 410 }), NOW)).toEqual(['too_small']);
    expect(cardPhotoProblems(photo({ width: 300, height: 409 }), NOW)).toContain('too_small');
  });

  it('takes portraits between 0.70 and 0.80 wide per high, nothing squarer or narrower', () => {
    expect(cardPhotoProblems(photo({ width: 700, height: 1000 }), NOW)).toEqual([]);
    expect(cardPhotoProblems(photo({ width: 800, height: 1000 }), NOW)).toEqual([]);
    expect(cardPhotoProblems(photo({ width: 690, height: 1000 }), NOW)).toEqual(['wrong_aspect']);
    expect(cardPhotoProblems(photo({ width: 810, height: 1000 }), NOW)).toEqual(['wrong_aspect']);
    expect(cardPhotoProblems(photo({ width: 800, height: 600 }), NOW)).toEqual(['wrong_aspect']);
  });

  it('counts the age in calendar months: 6 months back to the day passes, a day more does not', () => {
    expect(cardPhotoProblems(photo({ takenAt: '2026-05-24T09:00:00Z' }), NOW)).toEqual([]);
    expect(cardPhotoProblems(photo({ takenAt: '2026-05-23T09:00:00Z' }), NOW)).toEqual(['too_old']);
    expect(cardPhotoProblems(photo({ takenAt: '2026-08-23T09:00:00Z' }), NOW, 3)).toEqual(['too_old']);
    expect(new Date(monthsBefore(Date.parse('2026-08-31T00:00:00Z'), 6)).toISOString()).toBe(
      '2026-02-28T00:00:00.000Z',
    );
  });

  it('allows a camera clock a few minutes ahead, not a photo from tomorrow or an unreadable time', () => {
    expect(cardPhotoProblems(photo({ takenAt: '2026-11-24T09:05:00Z' }), NOW)).toEqual([]);
    expect(cardPhotoProblems(photo({ takenAt: '2026-11-25T09:00:00Z' }), NOW)).toEqual(['in_future']);
    expect(cardPhotoProblems(photo({ takenAt: 'yesterday' }), NOW)).toEqual(['in_future']);
  });

  it('names a non-image alone, and an over-size file beside its other problems', () => {
    expect(cardPhotoProblems(photo({ mime: null }), NOW)).toEqual(['not_image']);
    expect(cardPhotoProblems(photo({ bytes: 5_000_000, width: 200, height: 200 }), NOW)).toEqual([
      'too_large',
      'too_small',
      'wrong_aspect',
    ]);
  });
});
