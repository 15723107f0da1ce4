// What the screen gets of a BankID order: known hint codes as they are, new ones BankID may add as
// 'unknown' (the screen has words for each known one), and the QR content ready to show as SVG.
import { describe, expect, it } from 'vitest';
import { BANKID_FAILED_HINTS, BANKID_PENDING_HINTS } from '../../../../../src-shared/domain/sign-in';
import { bankIdState } from '../../../../../src-main/core/sign-in/bankid-state';

const QR =
  'bankid.67df3917-fa0d-44e5-b327-edcc928297f8.0.dc69358e712458a66a7525beef148ae8526b1c71610eff2c16cdffb4cdac9bf8';

describe('bankIdState', () => {
  it('passes every hint code the contract knows, and turns any other into unknown', async () => {
    for (const hintCode of BANKID_PENDING_HINTS) {
      expect(await bankIdState({ status: 'pending', hintCode, qr: null })).toEqual({
        status: 'pending',
        hintCode,
        qr: null,
        qrSvg: null,
      });
    }
    for (const hintCode of BANKID_FAILED_HINTS) {
      expect(await bankIdState({ status: 'failed', hintCode })).toEqual({ status: 'failed', hintCode });
    }
    for (const hintCode of ['userSomethingNew', '', 'userCancel ', '__proto__', 'toString']) {
      expect(await bankIdState({ status: 'failed', hintCode })).toEqual({
        status: 'failed',
        hintCode: 'unknown',
      });
      expect((await bankIdState({ status: 'pending', hintCode, qr: null })).hintCode).toBe('unknown');
    }
    // A failed hint is not a pending one, nor the other way round.
    expect(await bankIdState({ status: 'failed', hintCode: 'outstandingTransaction' })).toMatchObject({
      hintCode: 'unknown',
    });
  });

  it('renders the QR content of this second as an SVG document', async () => {
    const state = await bankIdState({ status: 'pending', hintCode: 'outstandingTransaction', qr: QR });
    expect(state).toMatchObject({ status: 'pending', qr: QR });
    expect(state.status === 'pending' && state.qrSvg).toMatch(
      /^<svg[^>]*viewBox="0 0 (\d+) \1"[\s\S]*<\/svg>\s*$/,
    );
  });
});
