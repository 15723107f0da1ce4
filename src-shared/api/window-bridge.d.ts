// What the Electron preload puts on window: the DeskClient (absent in a browser, which uses the
// web host's WebSocket client instead).
import type { DeskClient } from './client';

declare global {
  interface Window {
    desk?: DeskClient;
  }
}

export {};
