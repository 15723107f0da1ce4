// The desk's operators and their roles.
import { z } from 'zod';
import { ADMINS } from '../../domain/roles';
import { empty, method } from '../method-spec';
import { id } from '../text';
import { operatorCreateInput, operatorUpdateInput, operatorView } from '../schemas';

export const operatorMethods = {
  'operators.list': method(empty, z.object({ items: z.array(operatorView) }), ADMINS),
  'operators.create': method(operatorCreateInput, operatorView, ADMINS),
  'operators.update': method(operatorUpdateInput, operatorView, ADMINS),
  /** Removes the operator's authenticator and PIN and ends their sessions (audited): they enrol again. */
  'operators.resetFactors': method(z.strictObject({ id }), operatorView, ADMINS),
} as const;
