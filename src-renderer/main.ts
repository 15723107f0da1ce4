// The desk's screen: pick the transport, then mount Vue with Pinia, the router, vue-i18n and PrimeVue.
import 'primeicons/primeicons.css';
import './theme/desk.css';
import { createPinia } from 'pinia';
import PrimeVue from 'primevue/config';
import ToastService from 'primevue/toastservice';
import { createApp } from 'vue';
import { z } from 'zod';
import App from './App.vue';
import { setDeskClient } from './client/api';
import { apiUrl, followLaunchLink, onLaunchLink, pickTransport } from './client/desk-client';
import { i18n } from './i18n';
import { createDeskRouter } from './router';
import { useConnectionStore } from './stores/connection';
import { useSessionStore } from './stores/session';
import { DeskPreset } from './theme/desk-preset';

// The desk's content security policy forbids eval: tell zod not to probe for it (the probe alone is
// reported as a violation).
z.config({ jitless: true });

let transport = pickTransport();
if (transport.kind !== 'noToken') setDeskClient(transport.client);

const app = createApp(App);
const pinia = createPinia();
app.use(pinia);
app.use(i18n);
app.use(PrimeVue, {
  theme: {
    preset: DeskPreset,
    // Layered, so the desk's own CSS (unlayered) wins where it adjusts a component.
    options: { darkModeSelector: false, cssLayer: { name: 'primevue' } },
  },
  // Dialogs open and close at once. With the opening animation, PrimeVue focuses the first field
  // again when the animation ends: someone who had already typed and pressed Tab was sent back.
  pt: { dialog: { transition: { css: false } } },
});
app.use(ToastService);
useConnectionStore(pinia).attach(transport);
// A new launch link pasted into this tab (after the web host restarted) connects without a reload.
onLaunchLink(window, (token) => {
  const hadClient = transport.kind !== 'noToken';
  transport = followLaunchLink(transport, apiUrl(window.location, token));
  if (hadClient || transport.kind === 'noToken') return;
  setDeskClient(transport.client);
  useConnectionStore(pinia).attach(transport);
  void useSessionStore(pinia).start();
});
app.use(createDeskRouter());
app.mount('#app');

if (transport.kind !== 'noToken') void useSessionStore(pinia).start();
