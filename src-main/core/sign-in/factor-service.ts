// A signed-in operator's own factors: an authenticator app and the PIN for card and PIN. Changing
// either asks for the password again, so an unattended screen cannot be used to plant a factor.
import type { MethodOutput } from '../../../src-shared/api/methods';
import { pinProblem } from '../../../src-shared/domain/sign-in';
import type { Connection } from '../api/dispatcher';
import { hashPassword } from '../auth/password-hash';
import { DomainError } from '../ops/domain-error';
import type { OperationRunner } from '../ops/operations';
import type { OperatorRow } from '../operators/operator-rows';
import type { OperatorService } from '../operators/operator-service';
import { setPin } from './operations/set-pin';
import type { SignInViews } from './sign-in-views';
import type { TotpEnrolments } from './totp-enrolment';

export interface FactorServiceDeps {
  ops: OperationRunner;
  operators: OperatorService;
  views: SignInViews;
  enrolments: TotpEnrolments;
}

export function createFactorService(d: FactorServiceDeps) {
  const operator = (id: string): OperatorRow => {
    const row = d.operators.byId(id);
    if (!row) throw new DomainError('not_found', 'No such operator.');
    return row;
  };
  const mine = (id: string): MethodOutput<'factors.mine'> => d.views.ownFactors(operator(id));

  return {
    mine,
    async beginTotp(operatorId: string, password: string, c: Connection) {
      const row = await d.operators.recheckPassword(operatorId, password, c);
      return d.enrolments.begin(c, row);
    },
    confirmTotp(operatorId: string, code: string, c: Connection) {
      d.enrolments.confirm(c, operatorId, code, operatorId);
      return mine(operatorId);
    },
    async setPin(operatorId: string, password: string, pin: string, c: Connection) {
      // The PIN's rules first: a typo there should not count as a failed password.
      const problem = pinProblem(pin);
      if (problem) {
        throw new DomainError(
          'weak_pin',
          `This PIN cannot be used (${problem}).`,
          [{ path: 'pin', message: problem }],
          {
            problem,
          },
        );
      }
      await d.operators.recheckPassword(operatorId, password, c);
      d.ops.run(setPin, { operatorId, pinHash: await hashPassword(pin) }, operatorId);
      return mine(operatorId);
    },
  };
}

export type FactorService = ReturnType<typeof createFactorService>;
