// The block dialog offers the reasons the operator's role may use: reception lost, stolen and
// damaged; a card administrator also "left the employer" and "other" (with a note).
import { afterEach, describe, expect, it } from 'vitest';
import { nextTick } from 'vue';
import BlockCardForm from '../../../../../src-renderer/components/cards/BlockCardForm.vue';
import { useSessionStore } from '../../../../../src-renderer/stores/session';
import type { Role } from '../../../../../src-shared/domain/roles';
import { ADMIN, fakeDeskClient } from '../../fake-desk-client';
import { mountDesk } from '../../mount-desk';

let unmount: (() => void) | undefined;
afterEach(() => unmount?.());

async function mountAs(roles: Role[]) {
  const { wrapper } = mountDesk(BlockCardForm, fakeDeskClient(), {
    card: { id: '00000000-0000-7000-8000-000000000001', printedNumber: 'AB1' },
  });
  useSessionStore().operator = { ...ADMIN, roles };
  await nextTick();
  unmount = () => wrapper.unmount();
  return wrapper;
}

const reasonsOn = (wrapper: Awaited<ReturnType<typeof mountAs>>) =>
  wrapper.findAll('[data-testid^="block-reason-"]').map((b) => b.text());

describe('the block form', () => {
  it('gives reception the three reasons it may use, and says who can do more', async () => {
    const wrapper = await mountAs(['reception']);
    expect(reasonsOn(wrapper)).toEqual(['Lost', 'Stolen', 'Damaged']);
    expect(wrapper.text()).toContain('Only a card administrator can block for other reasons.');
    expect(wrapper.get('[data-testid="block-confirm"]').attributes('disabled')).toBeDefined();
  });

  it('gives a card administrator every reason; "other" asks for a note before it can be confirmed', async () => {
    const wrapper = await mountAs(['card_admin']);
    expect(reasonsOn(wrapper)).toEqual(['Lost', 'Stolen', 'Damaged', 'Left the employer', 'Other reason']);
    await wrapper.get('[data-testid="block-reason-other"]').trigger('click');
    expect(wrapper.find('[data-testid="block-note"]').exists()).toBe(true);
    expect(wrapper.get('[data-testid="block-confirm"]').attributes('disabled')).toBeDefined();
    await wrapper.get('[data-testid="block-note"]').setValue('Card cut in two at the site');
    expect(wrapper.get('[data-testid="block-confirm"]').attributes('disabled')).toBeUndefined();
  });
});
