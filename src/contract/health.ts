import * as z from 'zod/mini';

/** Response of `GET /healthz`. */
export const Health = z.object({
  status: z.literal('ok'),
  database: z.enum(['pglite', 'postgres']),
  version: z.string(),
});
export type Health = z.infer<typeof Health>;

/** Response of `GET /readyz`: whether a load balancer should send this instance requests. */
export const Readiness = z.object({
  status: z.enum(['ready', 'draining']),
  database: z.enum(['pglite', 'postgres']),
});
export type Readiness = z.infer<typeof Readiness>;
