// Why the web host closed a WebSocket, as close codes the browser can see. A browser reports a
// refused upgrade only as a bare close (1006), so refusals the screen must explain are made after
// the upgrade, with one of these codes (RFC 6455 section 7.4: 4000–4999 are the application's own).
export const SOCKET_CLOSE = {
  /** The link's token is not this launch's: the web host was restarted, or the link is wrong. */
  staleToken: 4401,
  /** The client sent calls without reading the replies; it was cut off before they filled memory. */
  repliesNotRead: 4429,
  /** RFC 6455 "Try Again Later": the host already serves as many tabs as it allows. */
  tooManyConnections: 1013,
  /** RFC 6455 "Message Too Big": a frame over the host's limit (sent by the ws library itself). */
  messageTooBig: 1009,
} as const;
