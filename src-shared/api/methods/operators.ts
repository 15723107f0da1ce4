// The desk's operators and their roles.
import { z } from 'zod';
import { ADMINS } from '../../domain/roles';
import { empty, method } from '../method-spec';
import { operatorCreateInput, operatorUpdateInput, operatorView } from '../schemas';

export const operatorMethods = {
  'operators.list': method(empty, z.object({ items: z.array(operatorView) }), ADMINS),
  'operators.create': method(operatorCreateInput, operatorView, ADMINS),
  'operators.update': method(operatorUpdateInput, operatorView, ADMINS),
} as const;
