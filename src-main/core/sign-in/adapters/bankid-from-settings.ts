// The BankID client the desk's settings describe. The certificate files are read when the first
// order is started, so a desk with a missing or wrong file still starts, and says why BankID fails.
import { readFile } from 'node:fs/promises';
import type { DeskSettings } from '../../config/desk-settings';
import type { KeyStore } from '../../keys/key-store';
import type { BankIdClient } from '../bankid-client';
import { createBankIdRpClient } from './bankid-rp-client';

/** The key store entry holding the PKCS#12 passphrase when settings.json does not. */
export const BANKID_PASSPHRASE_KEY = 'bankid-passphrase';

export function bankIdClientFromSettings(
  settings: DeskSettings,
  keyStore: KeyStore,
): BankIdClient | undefined {
  const bankId = settings.bankId;
  if (!bankId) return undefined;
  return createBankIdRpClient({
    baseUrl: bankId.baseUrl,
    tls: async () => {
      const [pfx, ca] = await Promise.all([
        readFile(bankId.pfxPath),
        bankId.caPath ? readFile(bankId.caPath) : Promise.resolve(null),
      ]);
      let passphrase = bankId.passphrase ?? null;
      if (passphrase === null) {
        const key = await keyStore.get(BANKID_PASSPHRASE_KEY);
        if (!key)
          throw new Error(`no passphrase: set bankId.passphrase or the key store's ${BANKID_PASSPHRASE_KEY}`);
        // A key file written with `echo` ends in a newline that is not part of the passphrase.
        passphrase = Buffer.from(key)
          .toString('utf8')
          .replace(/\r?\n$/, '');
      }
      return { pfx, passphrase, ca };
    },
  });
}
