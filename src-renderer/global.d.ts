import type { DeskClient } from '../src-shared/api/client';

declare global {
  interface Window {
    /** The typed desk client the Electron preload exposes; absent in a plain browser (web host). */
    desk?: DeskClient;
  }
}

export {};
