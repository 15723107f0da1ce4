// The shell's own settings, from settings.json in the user data directory. A missing file means
// the defaults; a broken file or a bad value is reported and that value falls back to its default,
// so one typo never stops a desk from starting.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';

export const SETTINGS_FILE = 'settings.json';

const fields = {
  /** Full screen, no window frame, no way out but the app's own controls. */
  kiosk: z.boolean(),
  /** The desk database; relative paths are taken from the user data directory. */
  databasePath: z.string().min(1),
  /** Log the operator out after this long without activity. */
  idleTimeoutSeconds: z
    .number()
    .int()
    .min(30)
    .max(24 * 60 * 60),
};

export interface DeskSettings {
  kiosk: boolean;
  databasePath: string;
  idleTimeoutSeconds: number;
}

export function defaultDeskSettings(userDataDir: string): DeskSettings {
  return { kiosk: false, databasePath: join(userDataDir, 'desk.sqlite'), idleTimeoutSeconds: 300 };
}

export interface ParsedSettings {
  settings: DeskSettings;
  warnings: string[];
}

/** `text` is the file's content, or null when there is no file. */
export function parseDeskSettings(
  text: string | null,
  userDataDir: string,
  source = SETTINGS_FILE,
): ParsedSettings {
  const settings = defaultDeskSettings(userDataDir);
  if (text === null) return { settings, warnings: [] };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { settings, warnings: [`${source} is not valid JSON (${reason}): using the default settings.`] };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { settings, warnings: [`${source} must hold a JSON object: using the default settings.`] };
  }

  const warnings: string[] = [];
  for (const [key, value] of Object.entries(raw)) {
    if (!Object.hasOwn(fields, key)) {
      warnings.push(`${source}: unknown setting "${key}" is ignored.`);
      continue;
    }
    const name = key as keyof typeof fields;
    const parsed = fields[name].safeParse(value);
    if (!parsed.success) {
      const reason = parsed.error.issues.map((issue) => issue.message).join('; ');
      warnings.push(
        `${source}: "${name}" is invalid (${reason}): using the default ${JSON.stringify(settings[name])}.`,
      );
      continue;
    }
    Object.assign(settings, { [name]: parsed.data });
  }
  settings.databasePath = resolve(userDataDir, settings.databasePath);
  return { settings, warnings };
}

function readIfPresent(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

export function loadDeskSettings(
  userDataDir: string,
  warn: (message: string) => void = console.warn,
): DeskSettings {
  const path = join(userDataDir, SETTINGS_FILE);
  const { settings, warnings } = parseDeskSettings(readIfPresent(path), userDataDir, path);
  for (const warning of warnings) warn(`[settings] ${warning}`);
  return settings;
}
