// The headers every answer of either shell carries, pages and refusals alike.
export function securityHeaders(csp: string): Record<string, string> {
  return {
    'content-security-policy': csp,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    // The build's file names carry no hash for index.html: always ask whether it changed.
    'cache-control': 'no-cache',
  };
}
