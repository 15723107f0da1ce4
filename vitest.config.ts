import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import vue from '@vitejs/plugin-vue';

// The Electron shell's tests: the entry, the preload and src-main/electron. They load a stand-in for
// the electron package (importing the real one starts a binary download; the binary cannot run here).
const SHELL_TESTS = [
  'test/unit/main/index.test.ts',
  'test/unit/main/preload.test.ts',
  'test/unit/main/electron/**/*.test.ts',
];

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          exclude: ['test/unit/renderer/**', ...SHELL_TESTS],
          environment: 'node',
        },
      },
      {
        resolve: {
          alias: { electron: fileURLToPath(new URL('./test/harness/electron-stand-in.ts', import.meta.url)) },
        },
        test: {
          name: 'shell',
          include: SHELL_TESTS,
          environment: 'node',
          testTimeout: 30_000,
        },
      },
      {
        plugins: [vue()],
        test: {
          name: 'renderer',
          include: ['test/unit/renderer/**/*.test.ts'],
          environment: 'happy-dom',
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          exclude: ['test/integration/readers/**'],
          environment: 'node',
          // A private CUPS scheduler with a cups-pdf card queue, started once for the run (~0.1 s).
          globalSetup: ['test/harness/cups-global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
      {
        test: {
          // Through the real pcscd with virtual cards: run inside scripts/pcscd-harness.sh.
          name: 'pcsc',
          include: ['test/integration/readers/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 30_000,
          // The files share pcscd and the two virtual readers: one at a time.
          fileParallelism: false,
        },
      },
    ],
  },
});
