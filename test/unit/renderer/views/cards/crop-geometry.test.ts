import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isCardPhotoAspect } from '../../../../../src-shared/domain/card-photo-rules';
import {
  MAX_ZOOM,
  cropRect,
  initialCrop,
  moveCrop,
  outputSize,
  zoomCrop,
} from '../../../../../src-renderer/views/cards/photo/crop-geometry';

const PHONE = { width: 4032, height: 3024 };
const CAMERA = { width: 640, height: 480 };

describe('the crop to 3:4', () => {
  it('starts with the largest 3:4 the picture holds, centred across', () => {
    expect(cropRect(CAMERA, initialCrop(CAMERA))).toEqual({ x: 140, y: 0, width: 360, height: 480 });
    const portrait = { width: 3024, height: 4032 };
    const rect = cropRect(portrait, initialCrop(portrait));
    expect([rect.width, rect.height]).toEqual([3024, 4032]);
  });

  it('never leaves the picture, however far it is dragged or zoomed', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 50, max: 8000 }),
        fc.integer({ min: 50, max: 8000 }),
        fc.double({ min: -10, max: 10, noNaN: true }),
        fc.integer({ min: -5000, max: 5000 }),
        fc.integer({ min: -5000, max: 5000 }),
        (width, height, zoom, dx, dy) => {
          const image = { width, height };
          const crop = moveCrop(image, zoomCrop(image, initialCrop(image), zoom), dx, dy, 240);
          const rect = cropRect(image, crop);
          expect(crop.zoom).toBeGreaterThanOrEqual(1);
          expect(crop.zoom).toBeLessThanOrEqual(MAX_ZOOM);
          expect(rect.x).toBeGreaterThanOrEqual(-1e-6);
          expect(rect.y).toBeGreaterThanOrEqual(-1e-6);
          expect(rect.x + rect.width).toBeLessThanOrEqual(width + 1e-6);
          expect(rect.y + rect.height).toBeLessThanOrEqual(height + 1e-6);
          expect(rect.width / rect.height).toBeCloseTo(0.75, 6);
        },
      ),
    );
  });

  it('moves the other way from the drag, in picture pixels: the picture follows the finger', () => {
    const start = zoomCrop(PHONE, initialCrop(PHONE), 2);
    const moved = moveCrop(PHONE, start, 24, 0, 240);
    // At zoom 2 the crop is 1134 px wide on a 240 px stage: 24 px on screen is 113.4 px of picture.
    expect(start.cx - moved.cx).toBeCloseTo(113.4, 1);
  });

  it('draws at most 900×1200, always 3:4 within a pixel, and the core takes the result', () => {
    expect(outputSize(cropRect(PHONE, initialCrop(PHONE)))).toEqual({ width: 900, height: 1200 });
    const small = outputSize(cropRect(CAMERA, initialCrop(CAMERA)));
    expect(small).toEqual({ width: 360, height: 480 });
    expect(isCardPhotoAspect(small.width, small.height)).toBe(true);
  });
});
