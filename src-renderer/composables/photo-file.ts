// Checks a chosen photo before it is sent: size first (cheap), then the bytes themselves with the
// same inspectPhoto the core uses, so the operator hears at once what the core would refuse.
import { PHOTO_MAX_BYTES } from '../../src-shared/api/schemas';
import { inspectPhoto, type PhotoMime } from '../../src-shared/domain/photo';

export type PhotoProblem = 'tooLarge' | 'notImage' | 'badDimensions' | 'unreadable';

export type PreparedPhoto =
  | {
      ok: true;
      mime: PhotoMime;
      base64: string;
      dataUrl: string;
      width: number;
      height: number;
      size: number;
    }
  | { ok: false; problem: PhotoProblem; size: number; width?: number; height?: number };

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  const chunk = 0x8000;
  for (let at = 0; at < bytes.length; at += chunk) {
    binary += String.fromCharCode(...bytes.subarray(at, at + chunk));
  }
  return btoa(binary);
}

export async function preparePhoto(file: Blob): Promise<PreparedPhoto> {
  const size = file.size;
  if (size > PHOTO_MAX_BYTES) return { ok: false, problem: 'tooLarge', size };
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch {
    return { ok: false, problem: 'unreadable', size };
  }
  const check = inspectPhoto(bytes);
  if (!check.ok) {
    if (check.reason === 'not_image') return { ok: false, problem: 'notImage', size };
    return { ok: false, problem: 'badDimensions', size };
  }
  const base64 = bytesToBase64(bytes);
  return {
    ok: true,
    mime: check.mime,
    base64,
    dataUrl: `data:${check.mime};base64,${base64}`,
    width: check.width,
    height: check.height,
    size,
  };
}

/** The photo part of a holder form: keep what the core has, replace it, or remove it. */
export type PhotoChoice =
  { kind: 'keep' } | { kind: 'remove' } | { kind: 'new'; mime: PhotoMime; base64: string; dataUrl: string };

/** The `photo` field of holders.create / holders.update for a choice (undefined: leave unchanged). */
export function photoInputOf(choice: PhotoChoice): { mime: string; base64: string } | null | undefined {
  if (choice.kind === 'new') return { mime: choice.mime, base64: choice.base64 };
  return choice.kind === 'remove' ? null : undefined;
}
