import { openDatabase } from '../server/db/client.ts';
import { findMeetings } from '../server/features/meetings/meetings.finder.ts';
import { meetingFinderQuerySchema } from '../shared/contracts/meetings.ts';
import { finderQuestions } from './scenarios/meetings.ts';

const database = await openDatabase({ databaseUrl: 'postgres://root@127.0.0.1/bench_kinship', poolMax: 2 });
const qs = finderQuestions().map((p) => Object.fromEntries(new URL(p, 'http://x').searchParams));
await findMeetings({ db: database.db, query: meetingFinderQuerySchema.parse({ tz: 'UTC' }) });
const t = performance.now();
let n = 0;
for (let r = 0; r < 6; r++)
  for (const q of qs) {
    await findMeetings({ db: database.db, query: meetingFinderQuerySchema.parse(q) });
    n++;
  }
console.log('per call ms', ((performance.now() - t) / n).toFixed(3));
await database.close();
