// Recognises a photo by its bytes, not by what the sender claims: JPEG (SOI + a SOFn segment) or
// PNG (signature + IHDR). Pure, so the UI can check a file before sending it and the core after.

export const PHOTO_MIN_SIDE = 64;
export const PHOTO_MAX_SIDE = 8000;

export type PhotoMime = 'image/jpeg' | 'image/png';
export type PhotoCheck =
  | { ok: true; mime: PhotoMime; width: number; height: number }
  | { ok: false; reason: 'not_image' | 'bad_dimensions'; message: string };

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function readU32(b: Uint8Array, at: number): number {
  return ((b[at]! << 24) | (b[at + 1]! << 16) | (b[at + 2]! << 8) | b[at + 3]!) >>> 0;
}

function pngSize(b: Uint8Array): { width: number; height: number } | null {
  if (b.length < 33 || !PNG_SIGNATURE.every((v, i) => b[i] === v)) return null;
  if (String.fromCharCode(b[12]!, b[13]!, b[14]!, b[15]!) !== 'IHDR') return null;
  return { width: readU32(b, 16), height: readU32(b, 20) };
}

function jpegSize(b: Uint8Array): { width: number; height: number } | null {
  if (b.length < 4 || b[0] !== 0xff || b[1] !== 0xd8) return null;
  let at = 2;
  while (at + 9 < b.length) {
    if (b[at] !== 0xff) return null;
    const marker = b[at + 1]!;
    if (marker === 0xff) {
      at += 1;
      continue;
    }
    const length = (b[at + 2]! << 8) | b[at + 3]!;
    // SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC) carry the frame size.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: (b[at + 5]! << 8) | b[at + 6]!, width: (b[at + 7]! << 8) | b[at + 8]! };
    }
    if (length < 2) return null;
    at += 2 + length;
  }
  return null;
}

export function inspectPhoto(bytes: Uint8Array): PhotoCheck {
  const png = pngSize(bytes);
  const jpeg = png ? null : jpegSize(bytes);
  const size = png ?? jpeg;
  if (!size) return { ok: false, reason: 'not_image', message: 'The file is not a JPEG or PNG image.' };
  const { width, height } = size;
  if (Math.min(width, height) < PHOTO_MIN_SIDE || Math.max(width, height) > PHOTO_MAX_SIDE) {
    return {
      ok: false,
      reason: 'bad_dimensions',
      message: `The photo is ${width}×${height} pixels; it must be at least ${PHOTO_MIN_SIDE} and at most ${PHOTO_MAX_SIDE} pixels on each side.`,
    };
  }
  return { ok: true, mime: png ? 'image/png' : 'image/jpeg', width, height };
}
