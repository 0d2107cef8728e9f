import { and, eq, isNull, or } from 'drizzle-orm';
import { invites } from '../../db/schema/invites.ts';
import { erasedRows, type PersonalData } from '../../lib/feature.ts';
import { deletedEmailOf } from '../auth/auth.public.ts';

/**
 * Invitations in "my data": pending invitations to the person's address are erased (token hashes,
 * not exported); accepted ones, and those the person sent for the organization, stay in its records
 * with the address replaced by the deleted account's placeholder.
 */
export const invitesMyData: PersonalData = {
  tables: [invites],
  async erase({ tx, subject }) {
    const pending = await erasedRows(
      'pending invitations',
      tx
        .delete(invites)
        .where(and(eq(invites.email, subject.email), isNull(invites.acceptedAt)))
        .returning({ id: invites.id }),
    );
    await tx
      .update(invites)
      .set({ email: deletedEmailOf(subject.id) })
      .where(or(eq(invites.email, subject.email), eq(invites.acceptedBy, subject.id)));
    return [pending];
  },
};
