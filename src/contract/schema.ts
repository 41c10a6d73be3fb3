import type * as z from 'zod/mini';

/** Any contract schema (the contract is written with `zod/mini` so browsers load only what they use). */
export type Schema = z.ZodMiniType;
export type Output<S extends Schema> = z.output<S>;
