import type { PgTable } from 'drizzle-orm/pg-core';
import type { MyDataExport } from '../../shared/contracts/my-data.ts';
import type { AppContext } from '../context.ts';
import type { Tx } from '../db/client.ts';
import type { FastifyZod } from '../http.ts';

/**
 * What a server feature brings to the application, in one descriptor (`<f>/<f>.feature.ts`), listed
 * once in server/features/registry.ts. app.ts registers every feature's routes, jobs.ts schedules
 * every sweep, and "my data" exports and erases every feature's personal data from this list, so a
 * new feature is wired in by adding its descriptor there and nowhere else.
 */
export interface Feature {
  /** The feature's folder name. */
  name: string;
  /** Route plugins: each registers its routes on the app. */
  routes?: readonly ((app: FastifyZod) => void)[];
  /** Minute jobs (jobs.ts). */
  sweeps?: readonly Sweep[];
  /** The tables this feature owns: only its code writes them (registry.test.ts checks). */
  tables: readonly PgTable[];
  /** Its part of a person's data: what the export includes and what deleting an account erases. */
  myData?: PersonalData;
  /** Owned tables that are not a person's data, or that deleting an account keeps on purpose, and why. */
  kept?: readonly KeptTable[];
}

/** A job that runs every minute for the whole installation and must be safe to run twice. */
export interface Sweep {
  queue: string;
  run(options: { ctx: AppContext; now: Date }): Promise<Record<string, number>>;
}

/** The person whose data is exported or erased (their email names the invitations and mail sent to them). */
export interface DataSubject {
  id: string;
  email: string;
}

/** One line of the deletion receipt: what was erased and how many rows. */
export interface Erased {
  what: string;
  count: number;
}

export interface PersonalData {
  /** The owned tables that hold a person's data; all of them are erased, most exported. */
  tables: readonly PgTable[];
  /** This feature's keys of the export document, read inside the export's one snapshot. */
  export?(tx: Tx, subject: DataSubject): Promise<Partial<MyDataExport>>;
  /** Erases (or releases to others) the person's rows, inside the deletion's one transaction. */
  erase(options: { tx: Tx; ctx: AppContext; subject: DataSubject }): Promise<Erased[]>;
}

export interface KeptTable {
  table: PgTable;
  why: string;
}

/** The rows a DELETE … RETURNING removed, as a receipt line. */
export async function erasedRows(what: string, rows: Promise<unknown[]>): Promise<Erased> {
  return { what, count: (await rows).length };
}
