import { PNG } from 'pngjs';

/**
 * A deterministic portrait-like placeholder: a coloured background with a head and shoulders, so a
 * demo desk shows a face-shaped photo where the real one would be.
 */
export function portraitPng(seed: number, width = 120, height = 150): Buffer {
  const png = new PNG({ width, height });
  const hue = (seed * 47) % 360;
  const [br, bg, bb] = hsl(hue, 0.35, 0.82);
  const [fr, fg, fb] = hsl((hue + 25) % 360, 0.3, 0.45);
  const skin = [
    [241, 204, 170],
    [224, 172, 130],
    [198, 134, 92],
    [141, 85, 54],
  ][seed % 4]!;
  const cx = width / 2;
  const headY = height * 0.4;
  const headR = width * 0.2;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      let c = [br, bg, bb];
      const dx = x - cx;
      if ((dx * dx) / (headR * headR) + ((y - headY) * (y - headY)) / (headR * headR * 1.4) <= 1) c = skin;
      else if (y > height * 0.68 && Math.abs(dx) < width * 0.42 - (height - y) * 0.15) c = [fr, fg, fb];
      png.data[i] = c[0]!;
      png.data[i + 1] = c[1]!;
      png.data[i + 2] = c[2]!;
      png.data[i + 3] = 255;
    }
  }
  return PNG.sync.write(png);
}

function hsl(h: number, s: number, l: number): [number, number, number] {
  const k = (n: number) => (n + h / 30) % 12;
  const a = s * Math.min(l, 1 - l);
  const f = (n: number) => l - a * Math.max(-1, Math.min(k(n) - 3, Math.min(9 - k(n), 1)));
  return [Math.round(f(0) * 255), Math.round(f(8) * 255), Math.round(f(4) * 255)];
}
