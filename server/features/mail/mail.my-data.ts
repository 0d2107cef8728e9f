import { eq } from 'drizzle-orm';
import { outbox } from '../../db/schema/mail.ts';
import { erasedRows, type PersonalData } from '../../lib/feature.ts';

/** Emails to the person (held bodies can hold links and names): erased, not exported (they are ours, sent to them). */
export const mailMyData: PersonalData = {
  tables: [outbox],
  erase: async ({ tx, subject }) => [
    await erasedRows('emails sent to you', tx.delete(outbox).where(eq(outbox.to, subject.email)).returning({ id: outbox.id })),
  ],
};
