// The page may run only the renderer's own scripts and reach only the desk: the Electron window has
// no network at all (`connect` is empty, the IPC bridge is its channel), the browser tab the web
// host's WebSocket.
export function contentSecurityPolicy(connect: string): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    // PrimeVue's styled mode injects <style> elements at run time.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "media-src 'self' data: blob: mediastream:",
    "font-src 'self' data:",
    `connect-src 'self' ${connect}`.trimEnd(),
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}
