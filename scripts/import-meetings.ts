// `npm run import:meetings -- <file|url> --timezone <zone> [--dry-run] [--source-name <name>]`: imports a
// Meeting Guide feed into the database the server would use (DATABASE_URL, else KINSHIP_DATA_DIR or
// ./data), after applying migrations. Prints the report as JSON; --dry-run only previews. A source is
// found or created by name (default: the file's name or the URL); meetings the feed no longer
// has are removed from that source.
import { randomUUID } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { eq } from 'drizzle-orm';
import { loadConfig } from '../server/config.ts';
import { openDatabase } from '../server/db/client.ts';
import { DataDirectoryLockedError } from '../server/db/lock.ts';
import { meetingSources } from '../server/db/schema/meeting-sources.ts';
import {
  commitImport,
  FeedFetchError,
  fetchFeed,
  type ImportPreview,
  isImportError,
  MAX_FEED_BYTES,
  previewImport,
  sizeOf,
} from '../server/features/meeting-sources/meeting-sources.public.ts';

const USAGE = 'usage: npm run import:meetings -- <file|url> --timezone <zone> [--dry-run] [--source-name <name>]';

function fail(message: string, code = 1): never {
  console.log(JSON.stringify({ error: message }, null, 2));
  process.exit(code);
}

let args: ReturnType<typeof parse>;
function parse() {
  return parseArgs({
    allowPositionals: true,
    options: { timezone: { type: 'string' }, 'dry-run': { type: 'boolean', default: false }, 'source-name': { type: 'string' } },
  });
}
try {
  args = parse();
} catch (error) {
  fail(`${(error as Error).message}\n${USAGE}`, 2);
}
const [given] = args.positionals;
const timezone = args.values.timezone;
if (!given || args.positionals.length > 1 || !timezone) fail(USAGE, 2);
const input: string = given;
const dryRun = args.values['dry-run'];
const isUrl = /^[a-z][a-z0-9+.-]*:\/\//i.test(input);

async function readFeed(): Promise<string> {
  // The operator runs this command: a feed on their own network is theirs to import.
  if (isUrl) return fetchFeed(input, { allowPrivateHosts: true });
  const info = await stat(input).catch(() => null);
  if (!info?.isFile()) throw new FeedFetchError(`No such file: ${input}`);
  if (info.size > MAX_FEED_BYTES) throw new FeedFetchError(`The feed is larger than ${sizeOf(MAX_FEED_BYTES)}; refused`);
  return readFile(input, 'utf8');
}

let text: string;
try {
  text = await readFeed();
} catch (error) {
  fail(error instanceof FeedFetchError ? error.message : `Could not read the feed: ${(error as Error).message}`);
}
const sourceName = args.values['source-name'] ?? (isUrl ? input : path.basename(input));

const config = loadConfig();
let database: Awaited<ReturnType<typeof openDatabase>>;
try {
  database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
} catch (error) {
  if (error instanceof DataDirectoryLockedError) fail('The database is in use by a running server; stop it or use DATABASE_URL');
  throw error;
}
let exitCode = 0;
try {
  await database.migrate();
  const { db } = database;
  let [source] = await db.select().from(meetingSources).where(eq(meetingSources.name, sourceName));
  let result: ImportPreview | { error: string } = { error: 'Nothing imported' };
  if (dryRun) {
    // A source not created yet holds nothing: compare with an id no meeting has.
    result = await previewImport({ db, sourceId: source?.id ?? randomUUID(), raw: text, defaultTimezone: timezone });
  } else {
    // A new source and its first import are written together, or not at all.
    const rollback = new Error('rollback');
    try {
      result = await db.transaction(async (tx) => {
        if (!source) {
          [source] = await tx
            .insert(meetingSources)
            .values({ name: sourceName, kind: isUrl ? 'url' : 'file', url: isUrl ? input : null, defaultTimezone: timezone })
            .returning();
        }
        if (!source) throw new Error('the source was not created');
        const committed = await commitImport({ db: tx, sourceId: source.id, raw: text, defaultTimezone: timezone });
        if (isImportError(committed)) {
          result = committed;
          throw rollback;
        }
        return committed;
      });
    } catch (error) {
      if (error !== rollback) throw error;
    }
  }
  if (isImportError(result)) {
    console.log(JSON.stringify({ error: result.error }, null, 2));
    exitCode = 1;
  } else {
    const { add, change, remove, ...rest } = result;
    console.log(
      JSON.stringify(
        {
          source: { id: dryRun && !source ? null : source?.id, name: sourceName },
          dryRun,
          ...rest,
          added: add.length,
          changed: change.length,
          removed: remove.length,
          add: add.map((m) => m.slug),
          change: change.map((m) => m.slug),
          remove: remove.map((m) => m.slug),
        },
        null,
        2,
      ),
    );
  }
} catch (error) {
  console.log(JSON.stringify({ error: `Import failed, nothing was written: ${(error as Error).message}` }, null, 2));
  exitCode = 1;
} finally {
  await database.close();
}
process.exit(exitCode);
