import { describe, expect, it } from 'vitest';
import {
  formatStatusWord,
  getUidCommand,
  parseResponse,
} from '../../../../../../src-main/core/readers/pcsc/apdu';

describe('apdu', () => {
  it('builds Get Data for the UID with the given Le', () => {
    expect(getUidCommand()).toEqual(Uint8Array.of(0xff, 0xca, 0x00, 0x00, 0x00));
    expect(getUidCommand(7)).toEqual(Uint8Array.of(0xff, 0xca, 0x00, 0x00, 0x07));
  });

  it('splits data from SW1 SW2', () => {
    expect(parseResponse(Uint8Array.of(1, 2, 0x90, 0x00))).toEqual({
      data: Uint8Array.of(1, 2),
      sw1: 0x90,
      sw2: 0x00,
      sw: 0x9000,
    });
    expect(parseResponse(Uint8Array.of(0x6c, 0x07))).toEqual({
      data: new Uint8Array(0),
      sw1: 0x6c,
      sw2: 0x07,
      sw: 0x6c07,
    });
  });

  it('has no response for fewer than 2 bytes', () => {
    expect(parseResponse(new Uint8Array(0))).toBeNull();
    expect(parseResponse(Uint8Array.of(0x90))).toBeNull();
  });

  it('prints a status word as two hex bytes', () => {
    expect(formatStatusWord(0x6a81)).toBe('6A 81');
    expect(formatStatusWord(0x0090)).toBe('00 90');
  });
});
