// The 46elks adapter against a local server that speaks 46elks' API: a message arrives as sent, and
// every way the gateway can fail (wrong password, no credit, a 5xx, a bad number, down, silent,
// nonsense or an endless answer) becomes one clear kind of error that names neither the password
// nor the message, which holds the code.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultDeskSettings } from '../../../../../src-main/core/config/desk-settings';
import { createKeyFileStore } from '../../../../../src-main/core/keys/adapters/key-file-store';
import {
  createElksSmsGateway,
  type ElksSettings,
} from '../../../../../src-main/core/sign-in/adapters/elks-sms-gateway';
import { smsGatewayFromSettings } from '../../../../../src-main/core/sign-in/adapters/sms-gateway-from-settings';
import { SmsGatewayError, type SmsGateway } from '../../../../../src-main/core/sign-in/sms-gateway';
import { startSmsGatewayPeer, type SmsGatewayPeer } from '../../../../harness/sms-gateway-peer';

const TO = '+46701234572';
const TEXT = 'Din inloggningskod till Frontdesk ID är 4711 0815. Den gäller i 5 minuter.';

let peer: SmsGatewayPeer;

beforeEach(async () => {
  peer = await startSmsGatewayPeer();
});
afterEach(async () => {
  await peer.close();
});

function gateway(overrides: Partial<ElksSettings> = {}, password: string | null = peer.password): SmsGateway {
  return createElksSmsGateway(
    { baseUrl: peer.baseUrl, username: peer.username, from: 'Frontdesk', ...overrides },
    async () => password,
  );
}

/** The error a send ends with; fails the test if it succeeds. */
async function failure(send: Promise<unknown>): Promise<SmsGatewayError> {
  const error = await send.then(
    () => new Error('the send succeeded'),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SmsGatewayError);
  const gatewayError = error as SmsGatewayError;
  // Whatever went wrong, the error is safe to log and show a technician.
  expect(gatewayError.message).not.toContain(peer.password);
  expect(gatewayError.message).not.toContain('4711');
  expect(gatewayError.message).not.toContain('0815');
  return gatewayError;
}

describe('46elks gateway', () => {
  it('delivers the message as a form with sender, E.164 number and text, and answers the gateway id', async () => {
    const { id } = await gateway().send({ to: TO, text: TEXT });
    const sms = await peer.waitForMessage(TO, 1);
    expect(sms).toMatchObject({ id, from: 'Frontdesk', to: TO, message: TEXT });
    expect(peer.codeSentTo(TO)).toBe('47110815');
  });

  it('works with a base URL that ends in a slash', async () => {
    await gateway({ baseUrl: `${peer.baseUrl}/` }).send({ to: TO, text: TEXT });
    expect(peer.messages).toHaveLength(1);
  });

  it('says "refused" for a wrong password, without the password', async () => {
    const error = await failure(gateway({}, 'not-the-password').send({ to: TO, text: TEXT }));
    expect(error.kind).toBe('refused');
    expect(error.message).toMatch(/username or password/);
    expect(error.message).not.toContain('not-the-password');
    expect(peer.messages).toHaveLength(0);
  });

  it('sends nothing when no password can be read', async () => {
    const error = await failure(gateway({}, null).send({ to: TO, text: TEXT }));
    expect(error).toMatchObject({ kind: 'refused' });
    expect(error.message).toContain('sms-gateway-password');
    expect(peer.requestCount).toBe(0);
  });

  it('says "refused" for no credit and for a server error', async () => {
    peer.failWith(402, 'Not enough credits');
    expect((await failure(gateway().send({ to: TO, text: TEXT }))).message).toMatch(/credit/);
    peer.failWith(503, 'Service Unavailable');
    expect((await failure(gateway().send({ to: TO, text: TEXT }))).kind).toBe('refused');
    await gateway().send({ to: TO, text: TEXT });
    expect(peer.messages).toHaveLength(1);
  });

  it('says "bad_number" when 46elks refuses the recipient, and "refused" for a bad sender', async () => {
    expect((await failure(gateway().send({ to: '+4670abc', text: TEXT }))).kind).toBe('bad_number');
    expect((await failure(gateway().send({ to: '0701234572', text: TEXT }))).kind).toBe('bad_number');
    expect((await failure(gateway({ from: 'X!' }).send({ to: TO, text: TEXT }))).kind).toBe('refused');
    expect(peer.messages).toHaveLength(0);
  });

  it('hides digits the gateway echoes back, so a code never reaches a log', async () => {
    peer.failWith(403, `Rejected: ${TEXT} (${peer.password})`);
    const error = await failure(gateway().send({ to: TO, text: TEXT }));
    expect(error.message).toContain('HTTP 403');
  });

  it('says "unreachable" while the gateway is down, and sends again once it is back', async () => {
    await gateway().send({ to: TO, text: TEXT });
    await peer.goDown();
    const error = await failure(gateway().send({ to: TO, text: TEXT }));
    expect(error.kind).toBe('unreachable');
    expect(error.message).toContain(peer.baseUrl);
    await peer.comeBack();
    await gateway().send({ to: TO, text: TEXT });
    expect(peer.messages).toHaveLength(2);
  });

  it('gives up on a gateway that does not answer, within its timeout', async () => {
    peer.stall();
    const started = Date.now();
    const error = await failure(gateway({ timeoutMs: 300 }).send({ to: TO, text: TEXT }));
    expect(error.kind).toBe('unreachable');
    expect(error.message).toMatch(/no answer within 300 ms/);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('does not trust an answer that is not 46elks JSON with an id', async () => {
    for (const body of ['<html>OK</html>', '{"status":"created"}', '{"id":""}', '[]', 'null', '{"id":42}']) {
      peer.failWith(200, body);
      expect((await failure(gateway().send({ to: TO, text: TEXT }))).kind).toBe('refused');
    }
  });

  it('stops reading an answer that is far too large', async () => {
    peer.failWith(200, `{"id":"s1","pad":"${'x'.repeat(2 * 1024 * 1024)}"}`);
    const error = await failure(gateway().send({ to: TO, text: TEXT }));
    expect(error).toMatchObject({ kind: 'refused' });
    expect(error.message).toMatch(/more than 65536 bytes/);
  });

  it('describes itself by its address only', () => {
    expect(gateway().describe()).toBe(`46elks at ${peer.baseUrl}`);
  });
});

describe('smsGatewayFromSettings', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'frontdesk-sms-keys-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const settingsFor = (password: string | null) => ({
    smsGateway: { baseUrl: peer.baseUrl, username: peer.username, password, from: 'Frontdesk' },
  });

  it('is absent when settings.json has no gateway', () => {
    const keyStore = createKeyFileStore({ dir });
    expect(smsGatewayFromSettings(defaultDeskSettings(dir), keyStore)).toBeUndefined();
  });

  it('takes the password from the key store (a key file written with echo too), read for each message', async () => {
    const keyStore = createKeyFileStore({ dir });
    const sms = smsGatewayFromSettings(settingsFor(null), keyStore)!;
    expect((await failure(sms.send({ to: TO, text: TEXT }))).kind).toBe('refused');
    await keyStore.put('sms-gateway-password', new TextEncoder().encode(`${peer.password}\n`));
    await sms.send({ to: TO, text: TEXT });
    expect(peer.messages).toHaveLength(1);
  });

  it('prefers a password written in the settings', async () => {
    const keyStore = createKeyFileStore({ dir });
    await keyStore.put('sms-gateway-password', new TextEncoder().encode('stale-password'));
    await smsGatewayFromSettings(settingsFor(peer.password), keyStore)!.send({ to: TO, text: TEXT });
    expect(peer.messages).toHaveLength(1);
  });
});
