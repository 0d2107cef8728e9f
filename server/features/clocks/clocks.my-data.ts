import { asc, eq, inArray } from 'drizzle-orm';
import { clockRuns, recoveryClocks } from '../../db/schema/clocks.ts';
import { isoOrNull } from '../../lib/dates.ts';
import { erasedRows, type PersonalData } from '../../lib/feature.ts';

/** Recovery clocks in "my data": each clock with its earlier runs; both erased with the account. */
export const clocksMyData: PersonalData = {
  tables: [recoveryClocks, clockRuns],
  async export(tx, { id }) {
    const clocks = await tx.select().from(recoveryClocks).where(eq(recoveryClocks.userId, id)).orderBy(asc(recoveryClocks.createdAt));
    const runs = clocks.length
      ? await tx
          .select()
          .from(clockRuns)
          .where(
            inArray(
              clockRuns.clockId,
              clocks.map((c) => c.id),
            ),
          )
          .orderBy(asc(clockRuns.startedAt))
      : [];
    return {
      clocks: clocks.map((c) => ({
        id: c.id,
        label: c.label,
        kind: c.kind,
        goal: c.goal,
        startedAt: c.startedAt.toISOString(),
        createdAt: c.createdAt.toISOString(),
        archivedAt: isoOrNull(c.archivedAt),
        runs: runs
          .filter((r) => r.clockId === c.id)
          .map((r) => ({ startedAt: r.startedAt.toISOString(), endedAt: r.endedAt.toISOString() })),
      })),
    };
  },
  async erase({ tx, subject }) {
    const mine = tx.select({ id: recoveryClocks.id }).from(recoveryClocks).where(eq(recoveryClocks.userId, subject.id));
    return [
      await erasedRows('recovery clock runs', tx.delete(clockRuns).where(inArray(clockRuns.clockId, mine)).returning({ id: clockRuns.id })),
      await erasedRows(
        'recovery clocks',
        tx.delete(recoveryClocks).where(eq(recoveryClocks.userId, subject.id)).returning({ id: recoveryClocks.id }),
      ),
    ];
  },
};
