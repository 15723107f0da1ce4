// The desk's producers from its settings: the card printer (a CUPS queue) and the issuer's folders.
import type { Clock } from '../ops/context';
import type { KeyStore } from '../keys/key-store';
import { createCupsPrinter, ID1_MEDIA } from './adapters/cups-printer';
import { createIssuerBatch } from './adapters/issuer-batch';
import { loadBatchSigner } from './batch-signing-key';
import type { ProductionChannels } from './production-service';

export interface ProductionConfig {
  /** The CUPS queue of the desk's card printer; `server` host:port, null for this computer's CUPS. */
  printer?: { name: string; server?: string | null; media?: string } | null;
  /** The folders shared with an external card issuer. */
  issuer?: { batchFolder: string; answerFolder: string } | null;
}

export function productionChannels(
  config: ProductionConfig | undefined,
  deps: { deskId: string; keyStore: KeyStore | null; clock: Clock; log: (message: string) => void },
): ProductionChannels {
  const printer = config?.printer;
  const issuer = config?.issuer;
  return {
    printer: printer
      ? {
          name: printer.name,
          producer: createCupsPrinter({
            printer: printer.name,
            server: printer.server ?? null,
            media: printer.media ?? ID1_MEDIA,
            log: deps.log,
          }),
        }
      : null,
    issuer: issuer
      ? {
          ...issuer,
          producer: createIssuerBatch({
            ...issuer,
            deskId: deps.deskId,
            signer: () =>
              deps.keyStore
                ? loadBatchSigner(deps.keyStore)
                : Promise.reject(new Error('This desk was started without a key store.')),
            now: () => new Date(deps.clock.now()).toISOString(),
            log: deps.log,
          }),
        }
      : null,
  };
}
