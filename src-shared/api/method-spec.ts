// What one method of the desk API is: its input and output schema and who may call it.
import { z } from 'zod';
import type { Role } from '../domain/roles';

/** 'public': no login needed. 'operator': any logged-in operator. Otherwise: any of these roles. */
export type Access = 'public' | 'operator' | readonly Role[];

export interface MethodSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  access: Access;
}

export function method<I extends z.ZodType, O extends z.ZodType>(
  input: I,
  output: O,
  access: Access,
): MethodSpec<I, O> {
  return { input, output, access };
}

/** The input of a method that takes nothing: anything extra is refused. */
export const empty = z.strictObject({});
