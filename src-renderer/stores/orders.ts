// Orders: the queues, one order, placing and deciding. The desk's order rules are read once per session.
import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { MethodInput } from '../../src-shared/api/methods';
import type { OrderRules } from '../../src-shared/api/methods/orders';
import { call } from '../client/api';
import { useHoldersStore } from './holders';

export const useOrdersStore = defineStore('orders', () => {
  const rules = ref<OrderRules | null>(null);
  const holders = useHoldersStore();

  async function loadRules(): Promise<OrderRules | null> {
    if (rules.value) return rules.value;
    const result = await call('orders.rules', {});
    if (result.ok) rules.value = result.value;
    return rules.value;
  }

  const list = (input: MethodInput<'orders.list'>) => call('orders.list', input);
  const get = (id: string) => call('orders.get', { id });
  const place = (input: MethodInput<'orders.place'>) => call('orders.place', input);
  const reject = (id: string, reason: string) => call('orders.reject', { id, reason });
  const cancel = (id: string) => call('orders.cancel', { id });

  async function approve(id: string) {
    const result = await call('orders.approve', { id });
    // The holder's record, photo included, now comes from the order.
    if (result.ok) holders.clear();
    return result;
  }

  async function photoUrl(id: string): Promise<string | null> {
    const result = await call('orders.photo', { id });
    if (!result.ok || !['image/jpeg', 'image/png'].includes(result.value.mime)) return null;
    return `data:${result.value.mime};base64,${result.value.base64}`;
  }

  function clear(): void {
    rules.value = null;
  }

  return { rules, loadRules, list, get, place, approve, reject, cancel, photoUrl, clear };
});
