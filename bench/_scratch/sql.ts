import { and, desc, eq, lt } from 'drizzle-orm';
import { openDatabase } from '../../server/db/client.ts';
import { profiles, users } from '../../server/db/schema/accounts.ts';
import { accessLog } from '../../server/db/schema/consent.ts';
const h = await openDatabase({ dataDir: null });
const db = h.db;
console.log(db.select({ profile: profiles, email: users.email, status: users.status }).from(profiles).innerJoin(users, eq(users.id, profiles.userId)).where(eq(profiles.userId, 'x')).toSQL());
console.log(db.select({ id: accessLog.id, at: accessLog.at, actorId: accessLog.actorId, actorAlias: profiles.alias, scope: accessLog.scope, purpose: accessLog.purpose, breakGlass: accessLog.breakGlass }).from(accessLog).leftJoin(profiles, eq(profiles.userId, accessLog.actorId)).where(and(eq(accessLog.subjectId, 'x'), undefined)).orderBy(desc(accessLog.id)).limit(51).toSQL());
await h.close();
