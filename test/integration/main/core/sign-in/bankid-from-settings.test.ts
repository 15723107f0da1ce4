import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultDeskSettings, type DeskSettings } from '../../../../../src-main/core/config/desk-settings';
import { createKeyFileStore } from '../../../../../src-main/core/keys/adapters/key-file-store';
import {
  BANKID_PASSPHRASE_KEY,
  bankIdClientFromSettings,
} from '../../../../../src-main/core/sign-in/adapters/bankid-from-settings';
import { BankIdError } from '../../../../../src-main/core/sign-in/bankid-client';
import { startBankIdPeer, type BankIdPeer } from '../../../../harness/bankid-peer';

let peer: BankIdPeer;
let dir: string;

beforeAll(async () => {
  peer = await startBankIdPeer();
  dir = mkdtempSync(join(tmpdir(), 'frontdesk-bankid-settings-'));
});
afterAll(async () => {
  await peer.close();
  rmSync(dir, { recursive: true, force: true });
});

function settings(bankId: Partial<NonNullable<DeskSettings['bankId']>>): DeskSettings {
  return {
    ...defaultDeskSettings(dir),
    bankId: {
      baseUrl: peer.baseUrl,
      pfxPath: peer.pfxPath,
      caPath: peer.caPath,
      passphrase: null,
      ...bankId,
    },
  };
}

async function failure(promise: Promise<unknown>): Promise<BankIdError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(BankIdError);
  return error as BankIdError;
}

describe('bankIdClientFromSettings', () => {
  it('has no client when BankID is not set up', () => {
    expect(
      bankIdClientFromSettings(defaultDeskSettings(dir), createKeyFileStore({ dir: join(dir, 'k0') })),
    ).toBe(undefined);
  });

  it('takes the passphrase from the key store when settings.json has none', async () => {
    const keyStore = createKeyFileStore({ dir: join(dir, 'k1') });
    const client = bankIdClientFromSettings(settings({}), keyStore)!;
    const missing = await failure(client.auth({ endUserIp: '192.0.2.1' }));
    expect(missing.message).toContain(BANKID_PASSPHRASE_KEY);
    await keyStore.put(BANKID_PASSPHRASE_KEY, new TextEncoder().encode(`${peer.passphrase}\n`));
    expect(await client.auth({ endUserIp: '192.0.2.1' })).toHaveProperty('orderRef');
  });

  it('uses the passphrase in settings.json when there is one', async () => {
    const client = bankIdClientFromSettings(
      settings({ passphrase: peer.passphrase }),
      createKeyFileStore({ dir: join(dir, 'k2') }),
    )!;
    expect(await client.auth({ endUserIp: '192.0.2.1' })).toHaveProperty('orderRef');
  });

  it('names a certificate file that is missing', async () => {
    const client = bankIdClientFromSettings(
      settings({ passphrase: peer.passphrase, pfxPath: join(dir, 'nowhere.p12') }),
      createKeyFileStore({ dir: join(dir, 'k3') }),
    )!;
    const error = await failure(client.auth({ endUserIp: '192.0.2.1' }));
    expect(error.kind).toBe('unreachable');
    expect(error.message).toContain('nowhere.p12');
  });

  it('says so when the passphrase is wrong, without repeating it', async () => {
    const client = bankIdClientFromSettings(
      settings({ passphrase: 'wrong-passphrase' }),
      createKeyFileStore({ dir: join(dir, 'k4') }),
    )!;
    const error = await failure(client.auth({ endUserIp: '192.0.2.1' }));
    expect(error.message).toContain('certificate could not be read');
    expect(error.message).not.toContain('wrong-passphrase');
  });
});
