import QRCode from 'qrcode';
import type { BankIdState } from '../../../src-shared/api/methods/sign-in';
import { BANKID_FAILED_HINTS, BANKID_PENDING_HINTS } from '../../../src-shared/domain/sign-in';
import type { BankIdPoll } from './bankid-orders';

const isOneOf = <T extends string>(list: readonly T[], value: string): value is T =>
  (list as readonly string[]).includes(value);

/** A pending or failed order as the screen gets it: hint codes BankID added later read 'unknown'. */
export async function bankIdState(
  state: Exclude<BankIdPoll, { status: 'complete' }>,
): Promise<Exclude<BankIdState, { status: 'complete' }>> {
  if (state.status === 'failed') {
    return {
      status: 'failed',
      hintCode: isOneOf(BANKID_FAILED_HINTS, state.hintCode) ? state.hintCode : 'unknown',
    };
  }
  return {
    status: 'pending',
    hintCode: isOneOf(BANKID_PENDING_HINTS, state.hintCode) ? state.hintCode : 'unknown',
    qr: state.qr,
    qrSvg: state.qr ? await QRCode.toString(state.qr, { type: 'svg', margin: 2 }) : null,
  };
}
