import { z } from 'zod';
declare const global: Record<string, unknown>;
function registerCustomer(input: unknown) {
  return z.object({ name: z.string().max(3), e: z.email() }).safeParse(input).success;
}
function onOpen() { return 1; }
global.registerCustomer = registerCustomer;
global.onOpen = onOpen;
