// An operator's mobile number and identity number for signing in, and resetting their factors.
import { flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { ok } from '../../../../src-shared/api/result';
import type { OperatorView } from '../../../../src-shared/api/schemas';
import OperatorsView from '../../../../src-renderer/views/OperatorsView.vue';
import { fakeDeskClient } from '../fake-desk-client';
import { mountDesk } from '../mount-desk';

afterEach(() => {
  document.body.innerHTML = '';
});

const RITA: OperatorView = {
  id: '0190a0b0-0000-7000-8000-000000000002',
  username: 'rita',
  displayName: 'Rita Reception',
  roles: ['reception'],
  language: 'sv',
  isDisabled: false,
  createdAt: '2026-11-01T09:00:00Z',
  mobilePhone: null,
  identity: null,
  hasTotp: true,
  hasPin: true,
};

async function open() {
  const desk = fakeDeskClient({
    'operators.list': () => ok({ items: [RITA] }),
    'operators.update': (input) => ok({ ...RITA, mobilePhone: input.mobilePhone ?? null }),
    'operators.resetFactors': () => ok({ ...RITA, hasTotp: false, hasPin: false }),
  });
  const mounted = mountDesk(OperatorsView, desk);
  await flushPromises();
  return { ...mounted, desk };
}

const body = () => document.body;
const input = (testId: string) => body().querySelector(`[data-testid="${testId}"]`) as HTMLInputElement;
async function type(testId: string, value: string) {
  input(testId).value = value;
  input(testId).dispatchEvent(new Event('input'));
  await flushPromises();
}

describe('an operator’s sign-in', () => {
  it('shows which factors each operator has', async () => {
    const { wrapper } = await open();
    expect(wrapper.find('[data-testid="operator-factors-rita"]').text()).toBe('AppPIN');
  });

  it('saves a mobile number as typed, in E.164, and refuses one that is not', async () => {
    const { wrapper, desk } = await open();
    await wrapper.find('[data-testid="operator-edit-rita"]').trigger('click');
    await flushPromises();
    await type('operator-mobilePhone', '07012');
    input('operator-save').click();
    await flushPromises();
    expect(body().querySelector('[data-testid="operator-mobilePhone-error"]')?.textContent?.trim()).toBe(
      'Enter a mobile number, for example 070-123 45 67 or +46 70 123 45 67.',
    );
    expect(desk.callsOf('operators.update')).toEqual([]);
    await type('operator-mobilePhone', '070-123 45 72');
    input('operator-save').click();
    await flushPromises();
    expect(desk.callsOf('operators.update')).toEqual([
      {
        id: RITA.id,
        displayName: 'Rita Reception',
        roles: ['reception'],
        language: 'sv',
        isDisabled: false,
        mobilePhone: '+46701234572',
      },
    ]);
  });

  it('resets the factors only after saying what it means', async () => {
    const { wrapper, desk } = await open();
    await wrapper.find('[data-testid="operator-reset-rita"]').trigger('click');
    await flushPromises();
    expect(body().querySelector('[data-testid="reset-factors-dialog"]')?.textContent).toContain(
      'They must set up their sign-in again',
    );
    expect(desk.callsOf('operators.resetFactors')).toEqual([]);
    input('reset-factors-confirm').click();
    await flushPromises();
    expect(desk.callsOf('operators.resetFactors')).toEqual([{ id: RITA.id }]);
    expect(wrapper.find('[data-testid="operator-factors-rita"]').text()).toBe('None');
  });
});
