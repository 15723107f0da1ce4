import { describe, expect, it } from 'vitest';
import { fitPhoto } from '../../../../../src-renderer/views/cards/photo/fit-photo';

/** A stand-in for the canvas: the encoded size grows with the pixels and the quality, as JPEG does. */
function encoder(bytesPerPixelAtFull: number) {
  const calls: { width: number; quality: number }[] = [];
  return {
    calls,
    encode: async (size: { width: number; height: number }, quality: number) => {
      calls.push({ width: size.width, quality });
      // Only the size matters to the fitting: no need to hold megabytes in memory.
      return { size: Math.round(size.width * size.height * bytesPerPixelAtFull * quality) } as Blob;
    },
  };
}

describe('fitting a photo to the core’s size limit', () => {
  it('keeps a photo that already fits at the best quality', async () => {
    const { encode, calls } = encoder(0.2);
    const fitted = await fitPhoto({ width: 900, height: 1200 }, encode, 1024 * 1024);
    expect(fitted).toMatchObject({ ok: true, size: { width: 900, height: 1200 } });
    expect(calls).toEqual([{ width: 900, quality: 0.92 }]);
  });

  it('compresses harder, then draws smaller, until a heavy photo fits, never below 308 wide', async () => {
    const { encode, calls } = encoder(3);
    const fitted = await fitPhoto({ width: 900, height: 1200 }, encode, 1024 * 1024);
    expect(fitted.ok).toBe(true);
    if (!fitted.ok) return;
    expect(fitted.blob.size).toBeLessThanOrEqual(1024 * 1024);
    expect(fitted.size.width).toBeLessThan(900);
    expect(fitted.size.width).toBeGreaterThanOrEqual(308);
    expect(calls[0]).toEqual({ width: 900, quality: 0.92 });
  });

  it('says so when the crop is too small for a card, or cannot be made small enough', async () => {
    expect(await fitPhoto({ width: 300, height: 400 }, encoder(0.1).encode)).toEqual({
      ok: false,
      reason: 'too_small',
    });
    expect(await fitPhoto({ width: 900, height: 1200 }, encoder(100).encode, 1000)).toEqual({
      ok: false,
      reason: 'too_large',
    });
  });
});
