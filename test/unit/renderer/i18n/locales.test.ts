// Every locale has every key, none is empty, each compiles, and every key the source uses exists.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../../../src-shared/api/result';
import { AUDIT_PROBLEMS } from '../../../../src-shared/api/methods/audit';
import { PRESENTED_STATUSES, READER_MESSAGE_KEYS } from '../../../../src-shared/api/readers';
import {
  CREDENTIAL_ERROR_CODES,
  CREDENTIAL_TECHNOLOGIES,
} from '../../../../src-shared/credentials/credential';
import { BUILT_IN_READER_PROFILES } from '../../../../src-shared/credentials/reader-profile';
import { BLOCK_REASONS } from '../../../../src-shared/domain/block-reasons';
import { CARD_KINDS, CARD_STATES } from '../../../../src-shared/domain/card-states';
import { LANGUAGES } from '../../../../src-shared/domain/languages';
import { ROLES } from '../../../../src-shared/domain/roles';
import { SECOND_FACTORS, SIGN_IN_METHODS } from '../../../../src-shared/domain/sign-in';
import { i18n } from '../../../../src-renderer/i18n';
import { MESSAGES } from '../../../../src-renderer/i18n/messages';

type Tree = { [key: string]: string | Tree };
const LOCALES: Record<string, Tree> = MESSAGES as unknown as Record<string, Tree>;
const en = MESSAGES.en;

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|vue)$/.test(name) ? [path] : [];
  });
}

/** Literal keys in t('…'), $t('…'), te('…') calls (template strings with ${} are checked below). */
function keysUsedInSource(): Set<string> {
  const keys = new Set<string>();
  const call = /(?<![\w.])\$?te?\(\s*(['"`])([\w.-]+)\1/g;
  for (const file of sourceFiles(resolve('src-renderer'))) {
    for (const match of readFileSync(file, 'utf8').matchAll(call)) keys.add(match[2]!);
  }
  return keys;
}

const english = flatten(en);

/** The `{name}` placeholders of a message. */
const placeholders = (message: string) => [...message.matchAll(/\{(\w+)\}/gu)].map((m) => m[1]).sort();

describe('locales', () => {
  it.each(Object.keys(LOCALES))('%s has exactly the keys of en, none empty', (name) => {
    const messages = flatten(LOCALES[name]!);
    const missing = [...english.keys()].filter((k) => !messages.has(k));
    const extra = [...messages.keys()].filter((k) => !english.has(k));
    const empty = [...messages].filter(([, v]) => v.trim() === '').map(([k]) => k);
    expect({ missing, extra, empty }).toEqual({ missing: [], extra: [], empty: [] });
  });

  it.each(Object.keys(LOCALES))('%s has the placeholders of en in every message', (name) => {
    const messages = flatten(LOCALES[name]!);
    const different = [...english]
      .filter(([key]) => messages.has(key))
      .filter(([key, message]) => placeholders(messages.get(key)!).join() !== placeholders(message).join())
      .map(([key]) => key);
    expect(different).toEqual([]);
  });

  it('has a sentence for exactly the reader message keys of the contract', () => {
    expect(Object.keys(en.readerMessages).sort()).toEqual([...READER_MESSAGE_KEYS].sort());
  });

  it('has every key the source uses', () => {
    const used = keysUsedInSource();
    expect(used.size).toBeGreaterThan(50);
    expect([...used].filter((k) => !english.has(k))).toEqual([]);
  });

  it('has the keys the source builds from the contract (errors, card states, roles…)', () => {
    const families = [
      ...ERROR_CODES.map((c) => `errors.${c}`),
      ...CARD_STATES.map((s) => `cards.state.${s}`),
      ...CARD_KINDS.map((k) => `cards.kind.${k}`),
      ...ROLES.flatMap((r) => [`roles.${r}`, `roles.hint.${r}`]),
      ...['SE', 'DK', 'NO'].flatMap((c) => [
        `countries.${c}`,
        `holder.fields.identityNumber.${c}`,
        `holder.edit.identityNumber.hint.${c}`,
        `holder.edit.identityNumber.format.${c}`,
        `organisations.fields.number.${c}`,
        `organisations.number.hint.${c}`,
        `organisations.number.format.${c}`,
      ]),
      ...['connecting', 'open', 'reconnecting', 'rejected', 'closed', 'noToken'].map(
        (s) => `connection.${s}`,
      ),
      ...['personnummer', 'samordningsnummer', 'cpr', 'fodselsnummer', 'd_number'].map(
        (k) => `holder.edit.identityNumber.valid.${k}`,
      ),
      ...['tooLarge', 'notImage', 'badDimensions', 'unreadable'].map((p) => `holder.edit.photo.${p}`),
      ...['elsewhere', 'unauthenticated', 'connection'].map((k) => `login.ended.${k}`),
      ...['birthDate', 'employer', 'email', 'phone', 'site', 'hasEid'].map((f) => `holder.fields.${f}`),
      ...PRESENTED_STATUSES.map((s) => `present.status.${s}`),
      ...['not_yet_active', 'unknown', 'ambiguous', 'unusable', 'unreadable'].map((s) => `present.help.${s}`),
      ...BLOCK_REASONS.flatMap((r) => [`present.blockReason.${r}`, `cards.blockReason.${r}`]),
      ...CREDENTIAL_TECHNOLOGIES.map((t) => `credentialTechnologies.${t}`),
      ...CREDENTIAL_ERROR_CODES.map((c) => `credentialProblems.${c}`),
      ...BUILT_IN_READER_PROFILES.map((p) => `readerProfiles.${p.id}`),
      ...['pcsc', 'hid', 'wedge'].map((b) => `readers.backend.${b}`),
      ...['up', 'down', 'unavailable'].map((s) => `readers.backendState.${s}`),
      ...['idle', 'card_present', 'error', 'gone'].map((s) => `readers.state.${s}`),
      ...['maxInterKeyMs', 'minLength', 'maxLength', 'prefix', 'suffix'].map(
        (f) => `readers.settings.wedge.${f}`,
      ),
      ...['vendorId', 'productId'].map((f) => `readers.settings.hid.${f}`),
      ...READER_MESSAGE_KEYS.map((k) => `readerMessages.${k}`),
      ...['storage_card', 'iso14443_4', 'iso7816'].map((t) => `readerCardTypes.${t}`),
      ...['shared', 'exclusive'].map((m) => `readers.settings.mode.${m}`),
      ...['Enter', 'Tab'].map((k) => `readers.settings.wedge.key.${k}`),
      ...AUDIT_PROBLEMS.map((p) => `audit.problem.${p}`),
      // Sign-in (views/sign-in, SignInMethodsView, account/); BankID's hints have their own test.
      ...['verify', 'totp', 'sms', 'bankid', 'enrol', 'cardPin'].map((s) => `signIn.title.${s}`),
      ...SECOND_FACTORS.map((m) => `signIn.verify.method.${m}`),
      ...SIGN_IN_METHODS.flatMap((m) => [`signIn.methods.method.${m}`, `signIn.methods.description.${m}`]),
      ...['no_method', 'default_not_allowed', 'sms_alone', 'not_set_up'].map(
        (p) => `signIn.methods.problem.${p}`,
      ),
      ...['format', 'too_short', 'too_long', 'too_simple'].map((p) => `signIn.account.pin.problem.${p}`),
      ...['totp', 'pin'].map((f) => `signIn.account.${f}.done`),
    ];
    expect(families.filter((k) => !english.has(k))).toEqual([]);
  });

  it.each(LANGUAGES)('every %s message compiles and fills its placeholders', (language) => {
    const { t } = i18n.global;
    const params = {
      ...{ minutes: 2, seconds: 30, query: 'q', name: 'N', count: 3, size: '1.2', max: 1, min: 64 },
      ...{ state: 'S', text: 'T', date: 'D', detail: 'X', number: 7, time: '14:05:03' },
      // The readers panel's messages (readerMessages.*).
      ...{ card: 'C', uid: '04 A1', atr: '3B 80', length: 5, expected: 8, status: '6A 81', ids: '08ff:0009' },
      ...{ installCommand: 'I', rebuildCommand: 'R', startCommand: 'S', reloadCommand: 'L', ruleFile: 'F' },
      ...{ rule: 'SUBSYSTEM=="hidraw"', credential: '04A1', holder: 'H' },
      // The audit banner's problems (audit.problem.*).
      ...{ seq: 42 },
      // A failed read's detail (present.problemWithProfile).
      ...{ problem: 'P', profile: 'F' },
      // Sign-in (signIn.*).
      ...{ phone: 'xxxx-xxxx72', attempts: 2, method: 'M', digits: 6 },
    };
    for (const key of english.keys()) {
      const text = t(key, params, { locale: language });
      expect(text, `${language}: ${key}`).not.toBe(key);
      expect(text, `${language}: ${key}`).not.toMatch(/\{\w+\}/);
    }
  });
});
