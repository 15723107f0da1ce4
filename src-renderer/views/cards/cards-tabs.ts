// The Cards area's tabs, in the order they are shown. Each feature adds its tab here with one entry
// and its own component; `roles` decides who sees it (the core enforces the same roles).
import { h, type Component } from 'vue';
import { CARD_ADMINS, CARD_HANDLERS, type Role } from '../../../src-shared/domain/roles';
import OrderQueue from './orders/OrderQueue.vue';
import ProductionTab from './ProductionTab.vue';
import ReadyTab from './ReadyTab.vue';
import ReportsTab from './ReportsTab.vue';

export interface CardsTab {
  /** In the address: /cards?tab=<id>. */
  id: string;
  labelKey: string;
  component: Component;
  roles: readonly Role[];
}

export const CARDS_TABS: CardsTab[] = [
  {
    id: 'waiting',
    labelKey: 'orders.tabs.waiting',
    component: () => h(OrderQueue, { filter: 'waitingForMe' }),
    roles: CARD_ADMINS,
  },
  {
    id: 'mine',
    labelKey: 'orders.tabs.mine',
    component: () => h(OrderQueue, { filter: 'mine' }),
    roles: CARD_ADMINS,
  },
  {
    id: 'rejected',
    labelKey: 'orders.tabs.rejected',
    component: () => h(OrderQueue, { filter: 'rejected' }),
    roles: CARD_ADMINS,
  },
  {
    id: 'production',
    labelKey: 'production.tab',
    component: ProductionTab,
    roles: CARD_ADMINS,
  },
  {
    id: 'ready',
    labelKey: 'cardActions.ready.tab',
    component: ReadyTab,
    roles: CARD_HANDLERS,
  },
  {
    id: 'reports',
    labelKey: 'reports.title',
    component: ReportsTab,
    roles: CARD_HANDLERS,
  },
];
