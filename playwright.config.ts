import { defineConfig } from '@playwright/test';

// Real Chromium (Debian's package; Playwright's own browser download is not possible here) against
// the real web host and core. Each test gets a fresh desk database (see test/e2e/fixtures.ts).
// Two projects: `default` (no card readers), and `readers`, which reads virtual cards through the
// real pcscd and so runs inside the harness:
//   bash scripts/pcscd-harness.sh -- npx playwright test --project readers
export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test-results/e2e',
  globalSetup: './test/e2e/global-setup.ts',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e-results.json' }]],
  use: {
    browserName: 'chromium',
    viewport: { width: 1280, height: 800 },
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        // The desk camera for the order form's photo: Chromium's test pattern, permission granted.
        '--use-fake-device-for-media-stream',
        '--use-fake-ui-for-media-stream',
      ],
    },
    trace: 'off',
    screenshot: 'only-on-failure',
  },
  projects: [
    { name: 'default', testIgnore: 'readers/**' },
    { name: 'readers', testMatch: 'readers/*.spec.ts' },
  ],
});
