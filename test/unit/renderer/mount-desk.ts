// Mounts a renderer component the way main.ts sets up the app (Pinia, vue-i18n, PrimeVue, a router).
import { mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import PrimeVue from 'primevue/config';
import ToastService from 'primevue/toastservice';
import type { Component } from 'vue';
import { createMemoryHistory, createRouter } from 'vue-router';
import { setDeskClient } from '../../../src-renderer/client/api';
import { applyLanguage, i18n } from '../../../src-renderer/i18n';
import type { FakeDesk } from './fake-desk-client';

export function mountDesk(component: Component, desk: FakeDesk, props: Record<string, unknown> = {}) {
  setDeskClient(desk.client);
  const pinia = createPinia();
  setActivePinia(pinia);
  applyLanguage('en');
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/', name: 'home', component: { template: '<div />' } },
      { path: '/login', name: 'login', component: { template: '<div />' } },
      { path: '/holders/:id', name: 'holder', component: { template: '<div />' } },
      { path: '/holders/new', name: 'holderNew', component: { template: '<div />' } },
      { path: '/cards', name: 'cards', component: { template: '<div />' } },
      { path: '/cards/orders/new', name: 'orderNew', component: { template: '<div />' } },
      { path: '/cards/orders/:id', name: 'order', component: { template: '<div />' } },
      { path: '/cards/ready', name: 'cardsReady', component: { template: '<div />' } },
      { path: '/cards/hand-over/:cardId', name: 'handOver', component: { template: '<div />' } },
      { path: '/operators', name: 'operators', component: { template: '<div />' } },
      { path: '/operators/sign-in-methods', name: 'signInMethods', component: { template: '<div />' } },
      { path: '/account/sign-in', name: 'accountSignIn', component: { template: '<div />' } },
    ],
  });
  const wrapper = mount(component, {
    props,
    attachTo: document.body,
    global: { plugins: [pinia, i18n, router, [PrimeVue, { theme: 'none' }], ToastService] },
  });
  return { wrapper, router, pinia };
}
