import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bankIdQrContent } from '../../../../../src-main/core/sign-in/bankid-qr';

describe('bankIdQrContent', () => {
  it("matches BankID's published vector for time 0", () => {
    expect(
      bankIdQrContent('67df3917-fa0d-44e5-b327-edcc928297f8', 'd28db9a7-4cde-429e-a983-359be676944c', 0),
    ).toBe(
      'bankid.67df3917-fa0d-44e5-b327-edcc928297f8.0.dc69358e712458a66a7525beef148ae8526b1c71610eff2c16cdffb4cdac9bf8',
    );
  });

  it('changes every second and names the second it is for', () => {
    const secret = 'd28db9a7-4cde-429e-a983-359be676944c';
    const codes = [0, 1, 2, 3].map((s) => bankIdQrContent('token', secret, s));
    expect(new Set(codes).size).toBe(4);
    expect(codes[3]).toMatch(/^bankid\.token\.3\.[0-9a-f]{64}$/);
  });

  it('uses whole seconds, never a fraction or a negative time', () => {
    expect(bankIdQrContent('t', 's', 2.9)).toBe(bankIdQrContent('t', 's', 2));
    expect(bankIdQrContent('t', 's', -1)).toBe(bankIdQrContent('t', 's', 0));
  });

  it('never contains the secret itself', () => {
    fc.assert(
      fc.property(fc.uuid(), fc.nat(3600), (secret, seconds) => {
        expect(bankIdQrContent('token', secret, seconds)).not.toContain(secret);
      }),
    );
  });
});
