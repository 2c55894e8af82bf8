import { z } from 'zod';

/**
 * A sentence for a person, kept as a key into the catalogue (src/i18n/<lang>.json) and its
 * parameters, so that each language orders the words its own way. A parameter is a plain value, a
 * list (joined the way the language joins lists), or another message (a clause rendered in the same
 * language). Technical tokens (failure strings, addresses, certificate names) go in as plain values.
 */
export const messageSchema = z.object({
  key: z.string(),
  get params() {
    return z.record(z.string(), z.union([z.string(), z.number(), z.array(z.string()), messageSchema])).optional();
  },
});
export type Message = z.infer<typeof messageSchema>;
export type MessageParam = NonNullable<Message['params']>[string];
