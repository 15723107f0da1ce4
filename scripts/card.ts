// npm run card -- tap <uid-hex> [--reader 0|1] [--type classic1k|classic4k|ultralight|desfire] [--hold ms]
// npm run card -- hold <uid-hex> ...   (stays on the reader until Ctrl+C)
// A virtual card on vpcd's virtual reader, for demos: start pcscd with `bash scripts/pcscd-harness.sh --demo`,
// run the desk with `npm run start:web`, then tap cards here and watch the idle screen.
import { parseArgs } from 'node:util';
import {
  ATR_DESFIRE,
  ATR_MIFARE_CLASSIC_1K,
  ATR_MIFARE_ULTRALIGHT,
  VPCD_PORT_READER_0,
  VPCD_PORT_READER_1,
  createVirtualCard,
} from '../test/harness/virtual-card';

const ATRS: Record<string, Uint8Array> = {
  classic1k: ATR_MIFARE_CLASSIC_1K,
  classic4k: Uint8Array.of(
    0x3b,
    0x8f,
    0x80,
    0x01,
    0x80,
    0x4f,
    0x0c,
    0xa0,
    0x00,
    0x00,
    0x03,
    0x06,
    0x03,
    0x00,
    0x02,
    0x00,
    0x00,
    0x00,
    0x00,
    0x69,
  ),
  ultralight: ATR_MIFARE_ULTRALIGHT,
  desfire: ATR_DESFIRE,
};

export function parseCardArgs(
  argv: string[],
):
  | { ok: true; action: 'tap' | 'hold'; uid: Uint8Array; port: number; atr: Uint8Array; holdMs: number }
  | { ok: false; message: string } {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        reader: { type: 'string', default: '0' },
        type: { type: 'string', default: 'classic1k' },
        hold: { type: 'string', default: '600' },
      },
    });
  } catch (error) {
    return { ok: false, message: (error as Error).message };
  }
  const { values, positionals } = parsed;
  const [action, hex] = positionals;
  if (action !== 'tap' && action !== 'hold')
    return { ok: false, message: 'Say tap or hold, then the UID in hex: npm run card -- tap 04A2B3C4D5E6F7' };
  const clean = (hex ?? '').replace(/[\s:-]/g, '');
  if (!/^([0-9a-fA-F]{8}|[0-9a-fA-F]{14}|[0-9a-fA-F]{20})$/.test(clean)) {
    return {
      ok: false,
      message: `"${hex ?? ''}" is not a UID: give 4, 7 or 10 bytes in hex, e.g. 04A2B3C4D5E6F7.`,
    };
  }
  const atr = ATRS[values.type];
  if (!atr)
    return { ok: false, message: `Unknown card type "${values.type}": use ${Object.keys(ATRS).join(', ')}.` };
  if (values.reader !== '0' && values.reader !== '1')
    return { ok: false, message: '--reader is 0 or 1 (Virtual PCD 00 00 or 00 01).' };
  const holdMs = Number(values.hold);
  if (!Number.isInteger(holdMs) || holdMs < 100 || holdMs > 60_000)
    return { ok: false, message: '--hold is 100 to 60000 ms.' };
  return {
    ok: true,
    action,
    uid: Uint8Array.from(Buffer.from(clean, 'hex')),
    port: values.reader === '1' ? VPCD_PORT_READER_1 : VPCD_PORT_READER_0,
    atr,
    holdMs,
  };
}

async function main(): Promise<number> {
  const args = parseCardArgs(process.argv.slice(2));
  if (!args.ok) {
    console.error(args.message);
    return 2;
  }
  const card = createVirtualCard({ atr: args.atr, uid: args.uid, port: args.port });
  try {
    await card.insert();
  } catch {
    console.error(
      `No virtual reader answers on port ${args.port}. Start pcscd with the virtual readers first: bash scripts/pcscd-harness.sh --demo`,
    );
    return 1;
  }
  const hex = Buffer.from(args.uid).toString('hex').toUpperCase();
  if (args.action === 'hold') {
    console.log(`Card ${hex} is on the reader. Ctrl+C removes it.`);
    await new Promise<void>((resolve) => process.once('SIGINT', () => resolve()));
  } else {
    const read = await Promise.race([
      card.nextApdu().then(() => true),
      new Promise<false>((r) => setTimeout(() => r(false), args.holdMs + 1500)),
    ]);
    await new Promise((r) => setTimeout(r, args.holdMs));
    console.log(
      read
        ? `Tapped ${hex}: the desk read it.`
        : `Tapped ${hex}, but nothing read the card: is the desk running with PC/SC?`,
    );
  }
  await card.remove();
  await card.close();
  return 0;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exit(await main());
