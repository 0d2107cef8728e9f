import { and, eq, inArray, or, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { partnershipsExportSchema } from '../../../shared/contracts/partners.ts';
import type { Db, Tx } from '../../db/client.ts';
import { partnerships } from '../../db/schema/partners.ts';
import type { PersonalData } from '../../lib/feature.ts';
import { endPartnershipRow, listPartnerships } from './partners.service.ts';

/**
 * Partnerships in "my data". Export: every partnership. Deletion: my open partnerships end (both grants
 * revoked) and invitations are withdrawn or declined.
 */

export async function exportPartnerships(tx: Db, me: string): Promise<z.infer<typeof partnershipsExportSchema>> {
  const list = await listPartnerships({ db: tx, actor: { userId: me } as Parameters<typeof listPartnerships>[0]['actor'] });
  return [...list.invitedByMe, ...list.invitationsToMe, ...list.active, ...list.ended];
}

/** Runs inside the account deletion's transaction; returns what it erased, for the receipt. */
export async function erasePartnerships(tx: Tx, me: string) {
  const open = await tx
    .select()
    .from(partnerships)
    .where(and(or(eq(partnerships.inviterId, me), eq(partnerships.inviteeId, me)), inArray(partnerships.status, ['invited', 'active'])))
    .for('update');
  for (const row of open) {
    if (row.status === 'active') await endPartnershipRow(tx, row, me);
    else {
      await tx
        .update(partnerships)
        .set(
          row.inviterId === me
            ? { status: 'cancelled', endedAt: sql`now()`, endedBy: me }
            : { status: 'declined', respondedAt: sql`now()` },
        )
        .where(eq(partnerships.id, row.id));
    }
  }
  return { partnerships: open.length };
}

export const partnersMyData: PersonalData = {
  tables: [partnerships],
  export: async (tx, { id }) => ({ partnerships: await exportPartnerships(tx, id) }),
  erase: async ({ tx, subject }) => [
    { what: 'partnerships ended or withdrawn', count: (await erasePartnerships(tx, subject.id)).partnerships },
  ],
};
