// The screens and who may open them. Hash history: the renderer is served from the web host and from
// Electron's custom protocol alike, and neither has to know the routes.
import { createRouter, createWebHashHistory, type RouteLocationRaw, type RouteRecordRaw } from 'vue-router';
import { ADMINS, CARD_ADMINS, CARD_HANDLERS, type Role } from '../src-shared/domain/roles';
import { useSessionStore, type SessionPhase } from './stores/session';
import IdleView from './views/IdleView.vue';
import LoginView from './views/LoginView.vue';

// The idle screen and the login are in the first chunk: a desk starts on one of them. The others load
// when first opened, so the first screen does not wait for code that reception may never use.
const FirstRunView = () => import('./views/FirstRunView.vue');
const HolderEditView = () => import('./views/HolderEditView.vue');
const HolderView = () => import('./views/HolderView.vue');
const OperatorsView = () => import('./views/OperatorsView.vue');
const OrganisationsView = () => import('./views/OrganisationsView.vue');
const ReadersView = () => import('./views/ReadersView.vue');
const CardsView = () => import('./views/cards/CardsView.vue');
const OrderFormView = () => import('./views/cards/orders/OrderFormView.vue');
const OrderView = () => import('./views/cards/orders/OrderView.vue');
const HandOverView = () => import('./views/cards/HandOverView.vue');
const AccountSignInView = () => import('./views/account/AccountSignInView.vue');
const SignInMethodsView = () => import('./views/SignInMethodsView.vue');

declare module 'vue-router' {
  interface RouteMeta {
    /** Shown only in this phase of the session (login, first run); other routes need a login. */
    phase?: SessionPhase;
    /** Roles that may open the screen; absent: any logged-in operator. */
    roles?: readonly Role[];
    /** The screen listens for card taps itself (a hand-over): a tap is not announced elsewhere. */
    takesTaps?: boolean;
  }
}

const routes: RouteRecordRaw[] = [
  { path: '/', name: 'home', component: IdleView },
  { path: '/login', name: 'login', component: LoginView, meta: { phase: 'loggedOut' } },
  { path: '/first-run', name: 'firstRun', component: FirstRunView, meta: { phase: 'needsFirstAdmin' } },
  { path: '/holders/new', name: 'holderNew', component: HolderEditView, meta: { roles: CARD_ADMINS } },
  { path: '/holders/:id', name: 'holder', component: HolderView, props: true },
  {
    path: '/holders/:id/edit',
    name: 'holderEdit',
    component: HolderEditView,
    props: true,
    meta: { roles: CARD_ADMINS },
  },
  { path: '/cards/ready', name: 'cardsReady', redirect: { path: '/cards', query: { tab: 'ready' } } },
  {
    path: '/cards/hand-over/:cardId',
    name: 'handOver',
    component: HandOverView,
    props: true,
    meta: { roles: CARD_HANDLERS, takesTaps: true },
  },
  { path: '/organisations', name: 'organisations', component: OrganisationsView },
  { path: '/readers', name: 'readers', component: ReadersView },
  { path: '/operators', name: 'operators', component: OperatorsView, meta: { roles: ADMINS } },
  {
    path: '/operators/sign-in-methods',
    name: 'signInMethods',
    component: SignInMethodsView,
    meta: { roles: ADMINS },
  },
  { path: '/account/sign-in', name: 'accountSignIn', component: AccountSignInView },
  // Reception sees the area's ready-for-pick-up tab; card administrators every tab (cards-tabs.ts).
  { path: '/cards', name: 'cards', component: CardsView, meta: { roles: CARD_HANDLERS } },
  {
    path: '/cards/orders/new',
    name: 'orderNew',
    component: OrderFormView,
    props: (route) => ({
      holderId: String(route.query.holderId ?? ''),
      renewCardId: typeof route.query.renewCardId === 'string' ? route.query.renewCardId : null,
      replaceCardId: typeof route.query.replaceCardId === 'string' ? route.query.replaceCardId : null,
    }),
    meta: { roles: CARD_ADMINS },
  },
  {
    path: '/cards/orders/:id',
    name: 'order',
    component: OrderView,
    props: true,
    meta: { roles: CARD_ADMINS },
  },
  // The Cards area's tabs by name, for links and bookmarks: each is /cards?tab=<id> (cards-tabs.ts).
  { path: '/cards/production', redirect: { path: '/cards', query: { tab: 'production' } } },
  { path: '/cards/reports', name: 'cardReports', redirect: { path: '/cards', query: { tab: 'reports' } } },
  { path: '/:rest(.*)*', redirect: '/' },
];

/** Where the session's phase sends a screen request, or null to let it through. */
export function redirectFor(
  phase: SessionPhase,
  meta: { phase?: SessionPhase; roles?: readonly Role[] },
  hasAnyRole: (roles: readonly Role[]) => boolean,
): RouteLocationRaw | null {
  if (phase === 'loading' || phase === 'unavailable') return null;
  if (phase === 'needsFirstAdmin') return meta.phase === 'needsFirstAdmin' ? null : { name: 'firstRun' };
  if (phase === 'loggedOut') return meta.phase === 'loggedOut' ? null : { name: 'login' };
  if (meta.phase !== undefined) return { name: 'home' };
  return meta.roles && !hasAnyRole(meta.roles) ? { name: 'home' } : null;
}

export function createDeskRouter() {
  const router = createRouter({ history: createWebHashHistory(), routes });
  router.beforeEach((to) => {
    const session = useSessionStore();
    return redirectFor(session.phase, to.meta, session.hasAnyRole) ?? true;
  });
  return router;
}
