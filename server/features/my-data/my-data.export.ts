import type { MyDataExport } from '../../../shared/contracts/my-data.ts';
import type { AppContext } from '../../context.ts';
import type { Actor } from '../../plugins/session.ts';

/**
 * Export of "my data": every feature's part (its `myData.export`, lib/feature.ts), read from the
 * person's own rows (the actor is the owner, so no consent policy applies) inside one snapshot, so a
 * check-in saved mid-export cannot leave the document half old, half new. Deletion
 * (my-data.service.ts) erases through the same list.
 */
export async function exportMyData({ ctx, actor }: { ctx: Pick<AppContext, 'db' | 'features'>; actor: Actor }): Promise<MyDataExport> {
  const subject = { id: actor.userId, email: actor.email };
  return ctx.db.transaction(
    async (tx) => {
      const parts: Partial<MyDataExport> = {};
      for (const feature of ctx.features) {
        if (feature.myData?.export) Object.assign(parts, await feature.myData.export(tx, subject));
      }
      // The response schema checks that every key arrived: a feature that forgot its part fails the export tests.
      return { format: 'kinship-export', version: 1, exportedAt: new Date().toISOString(), ...parts } as MyDataExport;
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}

/** `kinship-export-2026-11-26.json`, dated in the person's own time zone. */
export function exportFileName(timezone: string, at = new Date()): string {
  let day: string;
  try {
    day = new Intl.DateTimeFormat('en-CA', { timeZone: timezone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
  } catch {
    day = at.toISOString().slice(0, 10);
  }
  return `kinship-export-${day}.json`;
}
