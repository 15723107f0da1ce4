import { describe, expect, it } from 'vitest';
import { parseCardArgs } from '../../../scripts/card';

describe('npm run card', () => {
  it('reads a tap of a 7-byte UID on reader 0 as a MIFARE Classic 1K by default', () => {
    const args = parseCardArgs(['tap', '04:A2:B3:C4:D5:E6:F7']);
    expect(args.ok && Buffer.from(args.uid).toString('hex')).toBe('04a2b3c4d5e6f7');
    expect(args.ok && args.port).toBe(35963);
    expect(args.ok && args.atr[13]).toBe(0x00);
  });

  it('says clearly what is wrong with bad arguments', () => {
    for (const [argv, text] of [
      [['tap', '12345'], 'not a UID'],
      [['tap', 'zzzzzzzz'], 'not a UID'],
      [['swipe', '11223344'], 'Say tap or hold'],
      [['tap', '11223344', '--type', 'visa'], 'Unknown card type'],
      [['tap', '11223344', '--reader', '7'], '--reader is 0 or 1'],
      [['tap', '11223344', '--hold=-5'], '--hold'],
      [['tap', '11223344', '--hold', 'long'], '--hold'],
    ] as const) {
      const args = parseCardArgs([...argv]);
      expect(args.ok, argv.join(' ')).toBe(false);
      if (!args.ok) expect(args.message).toContain(text);
    }
  });
});
