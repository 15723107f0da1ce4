import { describe, expect, it } from 'vitest';
import { PHOTO_MAX_BYTES } from '../../../../src-shared/api/schemas';
import { bytesToBase64, photoInputOf, preparePhoto } from '../../../../src-renderer/composables/photo-file';
import { makeLargePng, makePng } from '../../../harness/images';

function blob(bytes: Uint8Array, type = 'image/png'): Blob {
  return new Blob([new Uint8Array(bytes)], { type });
}

describe('the photo pre-check', () => {
  it('accepts a PNG and gives its type from the bytes, its size and a preview', async () => {
    const png = makePng(120, 160);
    const result = await preparePhoto(blob(png, 'application/octet-stream'));
    expect(result).toMatchObject({ ok: true, mime: 'image/png', width: 120, height: 160, size: png.length });
    if (!result.ok) return;
    expect(result.base64).toBe(Buffer.from(png).toString('base64'));
    expect(result.dataUrl.startsWith('data:image/png;base64,')).toBe(true);
  });

  it('refuses a file over 1 MB before reading it', async () => {
    const large = makeLargePng(PHOTO_MAX_BYTES + 1);
    expect(large.length).toBeGreaterThan(PHOTO_MAX_BYTES);
    expect(await preparePhoto(blob(large))).toEqual({ ok: false, problem: 'tooLarge', size: large.length });
  });

  it('refuses a file that is not a JPEG or PNG, whatever it is called', async () => {
    const text = new TextEncoder().encode('%PDF-1.7 not a photo at all');
    expect(await preparePhoto(blob(text, 'image/png'))).toMatchObject({ ok: false, problem: 'notImage' });
  });

  it('refuses a photo too small to show a face', async () => {
    expect(await preparePhoto(blob(makePng(20, 20)))).toMatchObject({ ok: false, problem: 'badDimensions' });
  });

  it('encodes base64 in chunks for large files', () => {
    const bytes = new Uint8Array(100_000).map((_, i) => i % 256);
    expect(bytesToBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
  });

  it('turns the form choice into the API field', () => {
    expect(photoInputOf({ kind: 'keep' })).toBeUndefined();
    expect(photoInputOf({ kind: 'remove' })).toBeNull();
    expect(photoInputOf({ kind: 'new', mime: 'image/png', base64: 'AA==', dataUrl: '' })).toEqual({
      mime: 'image/png',
      base64: 'AA==',
    });
  });
});
