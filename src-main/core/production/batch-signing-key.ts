// The desk's Ed25519 key that signs batch files for the card issuer. Kept in the desk's key store
// (keys/key-store.ts: the keychain, or the 0600 key file), made on first use; the public half is
// written beside every batch so the issuer can verify who sent it.
import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import type { KeyStore } from '../keys/key-store';

export const BATCH_SIGNING_KEY_NAME = 'issuer-batch-signing.ed25519';

export interface BatchSigner {
  /** Ed25519 signature of `bytes`. */
  sign(bytes: Uint8Array): Uint8Array;
  /** The public key as SPKI PEM, for the issuer. */
  publicKeyPem: string;
}

function signerOf(privateKey: KeyObject): BatchSigner {
  return {
    sign: (bytes) => new Uint8Array(sign(null, bytes, privateKey)),
    publicKeyPem: createPublicKey(privateKey).export({ type: 'spki', format: 'pem' }).toString(),
  };
}

/** The stored key, or a new one stored first (so a crash never leaves batches signed by a lost key). */
export async function loadBatchSigner(keyStore: KeyStore): Promise<BatchSigner> {
  const stored = await keyStore.get(BATCH_SIGNING_KEY_NAME);
  if (stored) return signerOf(createPrivateKey({ key: Buffer.from(stored), format: 'der', type: 'pkcs8' }));
  const { privateKey } = generateKeyPairSync('ed25519');
  await keyStore.put(
    BATCH_SIGNING_KEY_NAME,
    new Uint8Array(privateKey.export({ format: 'der', type: 'pkcs8' })),
  );
  return signerOf(privateKey);
}
