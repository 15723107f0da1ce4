import { randomBytes } from 'node:crypto';

/** Time and randomness come in as arguments so tests can control them. */
export interface Clock {
  now(): number;
}
export interface Random {
  bytes(length: number): Uint8Array;
}

export const systemClock: Clock = { now: () => Date.now() };
export const systemRandom: Random = { bytes: (length) => new Uint8Array(randomBytes(length)) };
