// A desk with what an order needs: an employer, a holder, and two card administrators (four eyes).
import type { MethodInput } from '../../src-shared/api/methods';
import type { DeskConfig } from '../../src-main/core/create-desk';
import { makePng, photoInput } from './images';
import { manualClock, startTestDesk, type TestDesk, type TypedConnection } from './test-desk';

/** 24 November 2026, 09:00 UTC: the desk's "now" in order tests. */
export const ORDER_NOW = Date.parse('2026-11-24T09:00:00Z');

/** A portrait 3:4 photo above ID06's minimum of 300×410. */
export const cardPhoto = (width = 330, height = 440) => photoInput(makePng(width, height));

export interface OrderDesk {
  t: TestDesk;
  clock: ReturnType<typeof manualClock>;
  /** Places orders. */
  orderer: TypedConnection;
  /** Another card administrator: decides them. */
  approver: TypedConnection;
  organisationId: string;
  holderId: string;
  order(overrides?: Partial<MethodInput<'orders.place'>>): MethodInput<'orders.place'>;
}

export async function startOrderDesk(config: Partial<DeskConfig> = {}): Promise<OrderDesk> {
  const clock = manualClock(ORDER_NOW);
  const t = await startTestDesk({ clock, ...config });
  const orderer = await t.loginAs(['card_admin'], 'orderer');
  const approver = await t.loginAs(['card_admin'], 'approver');
  const organisation = await t.admin.must('organisations.create', {
    name: 'Bygg AB',
    country: 'SE',
    number: '556016-0680',
  });
  const holder = await t.admin.must('holders.create', {
    givenName: 'Anna',
    familyName: 'Lindqvist',
    identityCountry: 'SE',
    identityNumber: '19121212-1212',
    email: 'anna@example.se',
    phone: '+46 70 123 45 67',
    hasEid: true,
    organisationId: organisation.id,
  });
  return {
    t,
    clock,
    orderer,
    approver,
    organisationId: organisation.id,
    holderId: holder.id,
    order: (overrides = {}) => ({
      holderId: holder.id,
      kind: 'new',
      includes: 'physical',
      cardKind: 'id06',
      givenName: 'Anna Maria',
      familyName: 'Lindqvist Öberg',
      namesConfirmed: true,
      identityCountry: 'SE',
      identityNumber: '191212121212',
      organisationId: organisation.id,
      email: 'anna.maria@bygg.se',
      phone: '+46 70 765 43 21',
      validUntil: '2029-11-23',
      site: 'Kv. Gasklockan',
      photo: cardPhoto(),
      photoTakenAt: '2026-11-20T10:00:00Z',
      ...overrides,
    }),
  };
}
