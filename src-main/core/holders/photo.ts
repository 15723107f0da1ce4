import { createHash } from 'node:crypto';
import { PHOTO_MAX_BYTES } from '../../../src-shared/api/schemas';
import { inspectPhoto, type PhotoMime } from '../../../src-shared/domain/photo';
import { DomainError } from '../ops/domain-error';

export interface Photo {
  mime: PhotoMime;
  bytes: Buffer;
  sha256: string;
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Decodes and checks an uploaded photo: size first (cheap), then the bytes themselves. */
export function acceptPhoto(input: { mime: string; base64: string }): Photo {
  const approxBytes = Math.floor((input.base64.length * 3) / 4);
  if (approxBytes > PHOTO_MAX_BYTES + 2) {
    throw new DomainError(
      'photo_too_large',
      `The photo is ${(approxBytes / 1024 / 1024).toFixed(1)} MB; the limit is ${PHOTO_MAX_BYTES / 1024 / 1024} MB.`,
      [{ path: 'photo', message: 'Too large.' }],
    );
  }
  if (input.base64.length % 4 !== 0 || !BASE64.test(input.base64)) {
    throw new DomainError('photo_not_image', 'The photo data is not valid base64.', [
      { path: 'photo', message: 'Not an image.' },
    ]);
  }
  const bytes = Buffer.from(input.base64, 'base64');
  const check = inspectPhoto(bytes);
  if (!check.ok)
    throw new DomainError('photo_not_image', check.message, [{ path: 'photo', message: check.message }]);
  if (input.mime !== check.mime) {
    throw new DomainError(
      'photo_not_image',
      `The file says ${input.mime.slice(0, 40)} but holds ${check.mime}.`,
      [{ path: 'photo', message: 'Type mismatch.' }],
    );
  }
  return { mime: check.mime, bytes, sha256: createHash('sha256').update(bytes).digest('hex') };
}
