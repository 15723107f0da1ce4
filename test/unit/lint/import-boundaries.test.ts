import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

// The architecture's arrows (DESIGN.md section 3) are lint errors, not only prose.
const eslint = new ESLint();

// The first lint loads the whole configuration and its plugins: seconds on a busy machine, so it is
// done once here, with its own time limit, rather than inside the first case's.
beforeAll(() => eslint.lintText('export {};\n', { filePath: 'src-shared/warm-up.ts' }), 60_000);

async function boundaryErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('import boundaries', () => {
  const forbidden: Array<[string, string]> = [
    ['src-renderer/views/X.ts', "import { createDesk } from '../../src-main/core/create-desk';"],
    ['src-renderer/views/X.ts', "import { readFileSync } from 'node:fs';"],
    ['src-renderer/views/X.ts', "import { ipcRenderer } from 'electron';"],
    ['src-main/core/holders/X.ts', "import { app } from 'electron';"],
    ['src-main/core/holders/X.ts', "import { startWebHost } from '../../web/web-host';"],
    ['src-main/core/holders/X.ts', "import { ipc } from '../../electron/ipc-bridge';"],
    ['src-main/core/holders/X.ts', "import App from '../../../src-renderer/App.vue';"],
    ['src-shared/api/X.ts', "import { createHash } from 'node:crypto';"],
    ['src-shared/api/X.ts', "import { openDatabase } from '../../src-main/core/store/database';"],
    ['src-main/web/X.ts', "import { BrowserWindow } from 'electron';"],
    ['src-main/web/X.ts', "import { APP_HOST } from '../electron/window-options';"],
    ['src-main/electron/X.ts', "import { startWebHost } from '../web/web-host';"],
    ['src-main/renderer-host/X.ts', "import { app } from 'electron';"],
    ['src-main/renderer-host/X.ts', "import { createDesk } from '../core/create-desk';"],
    ['src-main/renderer-host/X.ts', "import { startWebHost } from '../web/web-host';"],
    ['src-main/renderer-host/X.ts', "import { serveRenderer } from '../electron/protocol';"],
    ['src-main/renderer-host/X.ts', "import App from '../../src-renderer/App.vue';"],
    ['test/unit/X.test.ts', "import { app } from 'electron';"],
  ];
  for (const [file, code] of forbidden) {
    it(`refuses in ${file}: ${code}`, async () => {
      expect(await boundaryErrors(file, `${code}\nexport {};\n`)).not.toEqual([]);
    });
  }

  const allowed: Array<[string, string]> = [
    ['src-renderer/views/X.ts', "import { methods } from '../../src-shared/api/methods';"],
    ['src-main/core/holders/X.ts', "import { methods } from '../../../src-shared/api/methods';"],
    ['src-main/core/holders/X.ts', "import { createHash } from 'node:crypto';"],
    ['src-main/web/X.ts', "import { createDesk } from '../core/create-desk';"],
    ['src-main/electron/X.ts', "import { app } from 'electron';"],
    ['src-main/electron/X.ts', "import { securityHeaders } from '../renderer-host/security-headers';"],
    ['src-main/web/X.ts', "import { securityHeaders } from '../renderer-host/security-headers';"],
    ['src-main/renderer-host/X.ts', "import { statSync } from 'node:fs';"],
    ['src-main/renderer-host/X.ts', "import { methods } from '../../src-shared/api/methods';"],
  ];
  for (const [file, code] of allowed) {
    it(`allows in ${file}: ${code}`, async () => {
      expect(await boundaryErrors(file, `${code}\nexport {};\n`)).toEqual([]);
    });
  }
});
