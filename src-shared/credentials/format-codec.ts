// The shape every printed format implements; formats.ts collects them into the registry.

import type { Credential, CredentialTechnology, Result } from './credential.js';

export interface ParseOptions {
  /** The technology the reader reads; defaults to the format's first technology. */
  technology?: CredentialTechnology;
  /** The UID length when the reader's text does not show it (decimal formats drop leading zero bytes). */
  byteLength?: number;
}

/**
 * Which part of the credential a printed value carries (see matching.ts). `all` carries every byte;
 * the others are what lossy formats keep:
 * - `int`: the bytes as a big-endian integer, so leading zero bytes are lost (decimal);
 * - `int_reversed`: the bytes as a little-endian integer, trailing zero bytes lost (reversed decimal);
 * - `last4` / `last3`: the last 4 / 3 bytes, the low-order bytes of the big-endian integer;
 * - `first4`: the first 4 bytes (what a byte-reversing reader's 8H10D keeps).
 */
export type Projection = 'all' | 'int' | 'int_reversed' | 'last4' | 'first4' | 'last3';

export interface FormatCodec {
  /** Human label for tables and the readers panel. */
  label: string;
  /** Technologies the format reads and prints; the first is what `parse` assumes by default. */
  technologies: readonly CredentialTechnology[];
  keeps: Projection;
  /**
   * Text → credential. For a lossy format the credential's bytes are only the part the text carries
   * (8H10D gives the 4 bytes it keeps), in the card's own byte order.
   */
  parse(text: string, options?: ParseOptions): Result<Credential>;
  /** Credential → text, or undefined when the format does not apply to this credential. */
  format(credential: Credential): string | undefined;
}
