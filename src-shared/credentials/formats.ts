// The registry of printed formats: every way a reader may print a credential, each parsed back to
// bytes. The order of CREDENTIAL_FORMATS is the order tables list them in.

import { type Credential, fail, type Result } from './credential.js';
import { em4100DecimalCodec, em4100FcCnCodec, em4100HexCodec } from './em4100.js';
import type { FormatCodec, ParseOptions } from './format-codec.js';
import {
  uid6h8dCodec,
  uid8h10dCodec,
  uid8h10dReversedCodec,
  uidDecimalCodec,
  uidDecimalReversedCodec,
  uidHexCodec,
  uidHexReversedCodec,
} from './uid-formats.js';
import {
  wiegand26Codec,
  wiegand35Codec,
  wiegand37H10302Codec,
  wiegand37H10304Codec,
  wiegandBitsCodec,
} from './wiegand-formats.js';

export const CREDENTIAL_FORMATS = [
  'hex',
  'hex_reversed',
  'decimal',
  'decimal_reversed',
  '8h10d',
  '8h10d_reversed',
  '6h8d',
  'wiegand26',
  'wiegand35',
  'wiegand37_h10302',
  'wiegand37_h10304',
  'wiegand_bits',
  'em4100_hex',
  'em4100_decimal',
  'em4100_fc_cn',
] as const;

export type CredentialFormat = (typeof CREDENTIAL_FORMATS)[number];

const CODECS: Readonly<Record<CredentialFormat, FormatCodec>> = {
  hex: uidHexCodec,
  hex_reversed: uidHexReversedCodec,
  decimal: uidDecimalCodec,
  decimal_reversed: uidDecimalReversedCodec,
  '8h10d': uid8h10dCodec,
  '8h10d_reversed': uid8h10dReversedCodec,
  '6h8d': uid6h8dCodec,
  wiegand26: wiegand26Codec,
  wiegand35: wiegand35Codec,
  wiegand37_h10302: wiegand37H10302Codec,
  wiegand37_h10304: wiegand37H10304Codec,
  wiegand_bits: wiegandBitsCodec,
  em4100_hex: em4100HexCodec,
  em4100_decimal: em4100DecimalCodec,
  em4100_fc_cn: em4100FcCnCodec,
};

export function isCredentialFormat(text: string): text is CredentialFormat {
  return (CREDENTIAL_FORMATS as readonly string[]).includes(text);
}

export function formatCodec(format: CredentialFormat): FormatCodec {
  return CODECS[format];
}

export function formatLabel(format: CredentialFormat): string {
  return CODECS[format].label;
}

/** Text a reader printed in `format` → credential (partial for lossy formats, see FormatCodec). */
export function parseCredential(
  text: string,
  format: CredentialFormat,
  options?: ParseOptions,
): Result<Credential> {
  if (!isCredentialFormat(format))
    return fail('unknown_format', `${String(format)} is not a credential format`);
  return CODECS[format].parse(text, options);
}

/** The credential printed in `format`, or undefined when the format does not apply to it. */
export function formatCredential(credential: Credential, format: CredentialFormat): string | undefined {
  return CODECS[format].format(credential);
}

export interface FormattedCredential {
  format: CredentialFormat;
  label: string;
  value: string;
}

/** Every format that applies to the credential, in registry order. */
export function describeCredential(credential: Credential): FormattedCredential[] {
  return CREDENTIAL_FORMATS.flatMap((format) => {
    const value = CODECS[format].format(credential);
    return value === undefined ? [] : [{ format, label: CODECS[format].label, value }];
  });
}
