import { PNG } from 'pngjs';

/** A solid-colour PNG of the given size, made in code. */
export function makePng(width = 120, height = 160, rgb: [number, number, number] = [70, 120, 180]): Buffer {
  const png = new PNG({ width, height });
  for (let i = 0; i < width * height; i++) {
    png.data[i * 4] = rgb[0];
    png.data[i * 4 + 1] = rgb[1];
    png.data[i * 4 + 2] = rgb[2];
    png.data[i * 4 + 3] = 255;
  }
  return PNG.sync.write(png);
}

/** A PNG whose size on disk exceeds `bytes` (random noise does not compress). */
export function makeLargePng(bytes: number): Buffer {
  const side = Math.ceil(Math.sqrt(bytes / 3)) + 16;
  const png = new PNG({ width: side, height: side });
  let seed = 1;
  for (let i = 0; i < png.data.length; i++) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    png.data[i] = i % 4 === 3 ? 255 : seed >> 16;
  }
  return PNG.sync.write(png);
}

export function photoInput(png: Buffer = makePng()): { mime: string; base64: string } {
  return { mime: 'image/png', base64: png.toString('base64') };
}
