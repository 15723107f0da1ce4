import { flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import type { OrderDetail } from '../../../../../src-shared/api/methods/orders';
import { fail, ok } from '../../../../../src-shared/api/result';
import OrderView from '../../../../../src-renderer/views/cards/orders/OrderView.vue';
import { fakeDeskClient } from '../../fake-desk-client';
import { mountDesk } from '../../mount-desk';

const ID = '01900000-0000-7000-8000-00000000000a';
const order = (over: Partial<OrderDetail> = {}): OrderDetail => ({
  id: ID,
  holderId: '01900000-0000-7000-8000-00000000000b',
  holderGivenName: 'Anna',
  holderFamilyName: 'Lindqvist',
  kind: 'new',
  replacementReason: null,
  includes: 'physical',
  cardKind: 'id06',
  validUntil: '2029-11-23',
  site: 'Kv. Gasklockan',
  state: 'ordered',
  orderedBy: { id: '01900000-0000-7000-8000-00000000000c', displayName: 'Olle Orderer' },
  orderedAt: '2026-11-24T09:00:00Z',
  decidedBy: null,
  decidedAt: null,
  decisionNote: null,
  isMine: false,
  cards: [],
  replacesCardId: null,
  renewsCardId: null,
  entered: {
    givenName: 'Anna',
    familyName: 'Lindkvist',
    namesConfirmed: true,
    identityCountry: 'SE',
    identityNumber: '19121212-1212',
    organisation: { id: 'o', name: 'Bygg AB', country: 'SE', number: '556016-0680' },
    email: null,
    phone: '+46 70 123 45 67',
    photoTakenAt: '2026-11-20T10:00:00Z',
  },
  photo: { mime: 'image/png', width: 330, height: 440, takenAt: '2026-11-20T10:00:00Z' },
  holder: {
    givenName: 'Anna',
    familyName: 'Lindqvist',
    identityCountry: 'SE',
    identityNumber: '19121212-1212',
    organisation: { id: 'o', name: 'Bygg AB', country: 'SE', number: '556016-0680' },
    email: null,
    phone: '+46 70 123 45 67',
    hasPhoto: false,
  },
  canDecide: true,
  canCancel: true,
  history: [],
  ...over,
});

afterEach(() => {
  document.body.innerHTML = '';
});

function mountOrder(first: OrderDetail, handlers: Parameters<typeof fakeDeskClient>[0] = {}) {
  const desk = fakeDeskClient({
    'orders.get': () => ok(first),
    'orders.photo': () => ok({ mime: 'image/png', base64: 'iVBORw0KGgo=' }),
    ...handlers,
  });
  return { desk, ...mountDesk(OrderView, desk, { id: ID }) };
}

describe('the approval view', () => {
  it('marks the surname the orderer changed, and offers Approve and Reject to a colleague', async () => {
    const { wrapper } = mountOrder(order());
    await flushPromises();
    expect(wrapper.get('[data-testid="compare-familyName"]').attributes('data-changed')).toBe('true');
    expect(wrapper.get('[data-testid="compare-givenName"]').attributes('data-changed')).toBe('false');
    expect(wrapper.find('[data-testid="order-approve"]').exists()).toBe(true);
    expect(wrapper.find('[data-testid="order-reject"]').exists()).toBe(true);
  });

  it('shows the orderer "waiting for a colleague" and no decision buttons', async () => {
    const { wrapper } = mountOrder(order({ isMine: true, canDecide: false }));
    await flushPromises();
    expect(wrapper.get('[data-testid="order-waiting"]').text()).toContain('Waiting for a colleague');
    expect(wrapper.find('[data-testid="order-approve"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="order-reject"]').exists()).toBe(false);
  });

  it('shows the orderer the reason their order was rejected', async () => {
    const { wrapper } = mountOrder(
      order({
        isMine: true,
        canDecide: false,
        state: 'rejected',
        decidedBy: { id: '01900000-0000-7000-8000-00000000000d', displayName: 'Agnes Approver' },
        decisionNote: 'Sunglasses on the photo.',
      }),
    );
    await flushPromises();
    expect(wrapper.get('[data-testid="order-rejection"]').text()).toBe(
      'Rejected by Agnes Approver: Sunglasses on the photo.',
    );
  });

  it('says "already approved" when a colleague was quicker, and shows the order as it is now', async () => {
    let approvedNow = false;
    const { wrapper, desk } = mountOrder(order(), {
      'orders.approve': () => {
        approvedNow = true;
        return fail('already_in_state', 'Already.', undefined, { action: 'approve', state: 'approved' });
      },
    });
    desk.handlers['orders.get'] = () => ok(order(approvedNow ? { state: 'approved', canDecide: false } : {}));
    await flushPromises();
    await wrapper.get('[data-testid="order-approve"]').trigger('click');
    await flushPromises();
    expect(wrapper.get('[data-testid="order-action-error"]').text()).toBe(
      'This cannot be done any more: the card is already approved. Reload to see where it stands.',
    );
    expect(wrapper.get('[data-testid="order-state"]').text()).toBe('Approved');
    expect(wrapper.find('[data-testid="order-approve"]').exists()).toBe(false);
  });
});
