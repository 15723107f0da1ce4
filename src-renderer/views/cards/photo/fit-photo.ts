// A phone photo of several megabytes becomes a card photo the core takes: the crop is drawn smaller
// and compressed harder until it fits the size limit, never below the size a card needs.
import { PHOTO_MAX_BYTES } from '../../../../src-shared/api/schemas';
import { OUTPUT_MIN_WIDTH, type Size } from './crop-geometry';

/** Draws the crop at `size` and encodes it as JPEG at `quality`. */
export type EncodeCrop = (size: Size, quality: number) => Promise<Blob>;

const QUALITIES = [0.92, 0.85, 0.75, 0.65];
const SHRINK = 0.8;

export type FittedPhoto =
  { ok: true; blob: Blob; size: Size } | { ok: false; reason: 'too_small' | 'too_large' };

export async function fitPhoto(
  size: Size,
  encode: EncodeCrop,
  limit = PHOTO_MAX_BYTES,
): Promise<FittedPhoto> {
  if (size.width < OUTPUT_MIN_WIDTH) return { ok: false, reason: 'too_small' };
  let current = size;
  for (;;) {
    for (const quality of QUALITIES) {
      const blob = await encode(current, quality);
      if (blob.size <= limit) return { ok: true, blob, size: current };
    }
    if (current.width === OUTPUT_MIN_WIDTH) return { ok: false, reason: 'too_large' };
    const width = Math.max(OUTPUT_MIN_WIDTH, Math.round(current.width * SHRINK));
    current = { width, height: Math.round((width * 4) / 3) };
  }
}
