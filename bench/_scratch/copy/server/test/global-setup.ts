import pg from 'pg';
import { openDatabase } from '../db/client.ts';
import { TEMPLATE_DATABASE } from './harness.ts';

/** With DATABASE_URL set, migrate one template database that every test file clones (fast, isolated). */
export default async function setup() {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) return;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DATABASE} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${TEMPLATE_DATABASE}`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${TEMPLATE_DATABASE}`;
  const handle = await openDatabase({ databaseUrl: url.toString(), poolMax: 1 });
  await handle.migrate();
  await handle.close();
}
