// The SMS gateway settings.json describes, as the desk's SmsGateway: 46elks with its API password
// from the settings (an administrator's choice) or else the key store's `sms-gateway-password`.
import type { DeskSettings } from '../../config/desk-settings';
import type { KeyStore } from '../../keys/key-store';
import type { SmsGateway } from '../sms-gateway';
import { createElksSmsGateway } from './elks-sms-gateway';

export const SMS_GATEWAY_PASSWORD_KEY = 'sms-gateway-password';

export function smsGatewayFromSettings(
  settings: Pick<DeskSettings, 'smsGateway'>,
  keyStore: KeyStore,
): SmsGateway | undefined {
  const elks = settings.smsGateway;
  if (!elks) return undefined;
  return createElksSmsGateway(
    { baseUrl: elks.baseUrl, username: elks.username, from: elks.from },
    async () => {
      if (elks.password) return elks.password;
      const key = await keyStore.get(SMS_GATEWAY_PASSWORD_KEY);
      // A key file written with `echo` ends in a line break that is no part of the password.
      return key
        ? Buffer.from(key)
            .toString('utf8')
            .replace(/\r?\n$/, '')
        : null;
    },
  );
}
