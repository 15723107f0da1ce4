// Setting up an authenticator app: a new secret is shown once and kept only in memory, for this
// screen, until the first code from the app proves it was scanned; only then is it stored (sealed),
// replacing any earlier one, so a half-done enrolment never locks an operator out of their old app.
import QRCode from 'qrcode';
import type { MethodOutput } from '../../../src-shared/api/methods';
import { PENDING_SIGN_IN_TTL_MS } from '../../../src-shared/domain/sign-in';
import type { Clock } from '../ops/context';
import { DomainError } from '../ops/domain-error';
import type { OperationRunner } from '../ops/operations';
import { saveTotpSecret } from './operations/save-totp-secret';
import type { SecretSeal } from './secret-seal';
import { groupedBase32, matchTotpStep, newTotpSecret, totpUri } from './totp';

interface OpenEnrolment {
  operatorId: string;
  secret: Uint8Array;
  sealed: Buffer;
  startedAt: number;
}

export interface TotpEnrolments {
  begin(
    connection: object,
    operator: { id: string; username: string },
  ): Promise<MethodOutput<'signIn.beginTotp'>>;
  /** Stores the secret once `code` fits it; throws 'invalid_code' or 'sign_in_expired'. */
  confirm(connection: object, operatorId: string, code: string, by: string): void;
  /** Whether this screen has a live enrolment for the operator: checked before a guess is counted. */
  isOpen(connection: object, operatorId: string): boolean;
  forget(connection: object): void;
}

export function createTotpEnrolments(deps: {
  ops: OperationRunner;
  clock: Clock;
  seal: SecretSeal;
}): TotpEnrolments {
  const open = new WeakMap<object, OpenEnrolment>();
  const isOpen = (connection: object, operatorId: string) => {
    const enrolment = open.get(connection);
    return (
      enrolment !== undefined &&
      enrolment.operatorId === operatorId &&
      deps.clock.now() - enrolment.startedAt <= PENDING_SIGN_IN_TTL_MS
    );
  };
  return {
    isOpen,
    async begin(connection, operator) {
      const secret = newTotpSecret();
      // Sealed now, so a desk without a usable key store says so before the operator scans anything.
      const sealed = await deps.seal.seal(secret);
      open.set(connection, { operatorId: operator.id, secret, sealed, startedAt: deps.clock.now() });
      const uri = totpUri(secret, operator.username);
      return {
        secret: groupedBase32(secret),
        uri,
        qrSvg: await QRCode.toString(uri, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' }),
      };
    },
    confirm(connection, operatorId, code, by) {
      const enrolment = open.get(connection);
      if (!enrolment || !isOpen(connection, operatorId)) {
        open.delete(connection);
        throw new DomainError('sign_in_expired', 'Set up the authenticator again: that secret has expired.');
      }
      const step = matchTotpStep(enrolment.secret, code, deps.clock.now());
      if (step === null) throw new DomainError('invalid_code', 'That code does not match: check the app.');
      deps.ops.run(saveTotpSecret, { operatorId, secretSealed: enrolment.sealed, step }, by);
      open.delete(connection);
    },
    forget(connection) {
      open.delete(connection);
    },
  };
}
