// raw read → credential → match → event (docs/reader-pipeline.md). Every read gives exactly one
// CardPresented, also when the read is unusable: reception always sees that a card was presented.
import type { PresentedReason } from '../../../src-shared/api/presented-reason';
import type { CardPresented } from '../../../src-shared/api/readers';
import type { CardType } from '../../../src-shared/credentials/atr';
import {
  bytesToHex,
  type Credential,
  type CredentialTechnology,
} from '../../../src-shared/credentials/credential';
import { credentialFromBytes } from '../../../src-shared/credentials/credential-from-bytes';
import type { CredentialFormat } from '../../../src-shared/credentials/formats';
import { credentialFromReaderText, findReaderProfile } from '../../../src-shared/credentials/reader-profile';
import type { ReaderSettings } from '../../../src-shared/api/readers';
import type { Clock } from '../ops/context';
import type { Identification } from './identify';
import type { RawRead } from './reader-backend';
import { DEFAULT_PROFILE } from './reader-settings';

/** The chip technology a PC/SC card type answers FF CA with. */
export function technologyOf(cardType: string): CredentialTechnology {
  const byType: Partial<Record<CardType, CredentialTechnology>> = {
    icode_sli: 'iso15693',
    felica: 'other',
    picopass: 'other',
    iso7816: 'other',
  };
  return byType[cardType as CardType] ?? 'iso14443a_uid';
}

export interface PipelineDeps {
  clock: Clock;
  newId(): string;
  settings(): ReaderSettings;
  identify(credential: Credential, format: CredentialFormat, today: string): Identification;
}

type Parsed =
  | { ok: true; credential: Credential; format: CredentialFormat }
  | { ok: false; status: 'unreadable' | 'unusable'; reason: PresentedReason | null };

function parseRead(read: RawRead, settings: ReaderSettings): Parsed {
  if (read.kind === 'bytes') {
    if (!read.isUsableForIdentification) {
      // A new random number at every tap: the status says it all.
      return { ok: false, status: 'unusable', reason: null };
    }
    const parsed = credentialFromBytes(technologyOf(read.cardType), read.bytes);
    return parsed.ok
      ? { ok: true, credential: parsed.value, format: 'hex' }
      : {
          ok: false,
          status: 'unreadable',
          reason: { code: 'unreadable', params: { problem: parsed.error.code } },
        };
  }
  const profileId =
    settings.profiles[read.readerId] ??
    (read.backend === 'wedge' ? settings.wedge.profileId : DEFAULT_PROFILE[read.backend]);
  const profile = findReaderProfile(profileId) ?? findReaderProfile(DEFAULT_PROFILE[read.backend])!;
  const parsed = credentialFromReaderText(read.text, profile);
  return parsed.ok
    ? { ok: true, credential: parsed.value, format: profile.format }
    : {
        ok: false,
        status: 'unreadable',
        reason: { code: 'unreadable', params: { problem: parsed.error.code, profileId: profile.id } },
      };
}

export function createReaderPipeline(deps: PipelineDeps) {
  return function handle(read: RawRead): CardPresented {
    const handledAt = process.hrtime.bigint();
    const at = new Date(deps.clock.now()).toISOString();
    const parsed = parseRead(read, deps.settings());
    const base = {
      id: deps.newId(),
      at,
      readerId: read.readerId,
      backend: read.backend,
      cardType: read.kind === 'bytes' ? read.cardType : null,
    };
    let result: Omit<CardPresented, keyof typeof base | 'timings' | 'sentAtMs'>;
    if (!parsed.ok) {
      result = { status: parsed.status, reason: parsed.reason, credential: null, card: null, holder: null };
    } else {
      const found = deps.identify(parsed.credential, parsed.format, at.slice(0, 10));
      result = {
        ...found,
        credential: {
          technology: parsed.credential.technology,
          hex: bytesToHex(parsed.credential.bytes).toUpperCase(),
          format: parsed.format,
        },
      };
    }
    const timings = {
      eventToReadUs: Number(handledAt - read.seenAt) / 1000,
      readToMatchUs: Number(process.hrtime.bigint() - handledAt) / 1000,
    };
    return { ...base, ...result, timings, sentAtMs: performance.timeOrigin + performance.now() };
  };
}
