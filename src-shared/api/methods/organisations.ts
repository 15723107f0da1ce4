// Employers: the organisations holders work for.
import { z } from 'zod';
import { ALL_STAFF, CARD_ADMINS } from '../../domain/roles';
import { empty, method } from '../method-spec';
import { organisation, organisationInput } from '../schemas';
import { id } from '../text';

export const organisationMethods = {
  'organisations.list': method(empty, z.object({ items: z.array(organisation) }), ALL_STAFF),
  'organisations.create': method(organisationInput, organisation, CARD_ADMINS),
  'organisations.update': method(organisationInput.extend({ id }), organisation, CARD_ADMINS),
} as const;
