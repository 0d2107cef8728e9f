import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import type { FastifyZod } from '../http.ts';
import { type Agent, createAgent } from './agent.ts';
import { createTestDatabase } from './harness.ts';

/** Every line the app logs, kept in memory. */
function captureLog() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  return { stream, lines, text: () => lines.join('\n') };
}

async function buildLoggedApp(production: boolean) {
  const database = await createTestDatabase();
  const log = captureLog();
  const app = await buildApp({
    database,
    logger: 'info',
    logStream: log.stream,
    rateLimitMultiplier: 1000,
    config: { publicUrl: 'http://localhost:3000', smtpUrl: null, production },
  });
  await app.ready();
  const close = async () => {
    await app.close();
    await database.drop();
  };
  return { app, log, close };
}

const ADMIN = { email: 'logging-admin@example.org', password: 'admin passphrase never logged 1', alias: 'Log Admin' };
const INVITEE = { email: 'invited.person@example.org', password: 'invitee passphrase never logged 2', alias: 'Log Invitee' };
const UNKNOWN_EMAIL = 'not-an-account@example.org';
const WRONG_PASSWORD = 'wrong passphrase never logged 3';
const RESET_PASSWORD = 'reset passphrase never logged 4';
const EMAIL_PATTERN = /[\w.+-]+@[\w-]+\.[\w.-]+/;

async function tokenFromOutbox(admin: Agent, to: string) {
  const outbox = await admin.get<{ to: string; text: string }[]>('/api/admin/outbox');
  const token = /#token=([\w-]+)/.exec(outbox.body.find((m) => m.to === to)?.text ?? '')?.[1];
  if (!token) throw new Error(`no token emailed to ${to}`);
  return token;
}

/** Setup, sign-ins that work and fail, a reset, an invitation and its acceptance; returns every secret involved. */
async function exercise(app: FastifyZod) {
  const secrets: string[] = [ADMIN.email, ADMIN.password, INVITEE.email, INVITEE.password, UNKNOWN_EMAIL, WRONG_PASSWORD, RESET_PASSWORD];
  const admin = createAgent(app);
  expect(
    (await admin.post('/api/setup', { organization: { name: 'Logging Org', timezone: 'UTC', crisisLines: [] }, admin: ADMIN })).status,
  ).toBe(201);

  const signedIn = createAgent(app);
  expect((await signedIn.post('/api/auth/sign-in', { email: ADMIN.email, password: ADMIN.password })).status).toBe(200);
  expect((await createAgent(app).post('/api/auth/sign-in', { email: ADMIN.email, password: WRONG_PASSWORD })).status).toBe(401);
  expect((await createAgent(app).post('/api/auth/sign-in', { email: UNKNOWN_EMAIL, password: WRONG_PASSWORD })).status).toBe(401);
  // A refused body that quotes the email must not bring it into the log through a validation message.
  expect(
    (await createAgent(app).post('/api/auth/sign-in', { email: ADMIN.email, password: WRONG_PASSWORD, extra: ADMIN.email })).status,
  ).toBe(400);

  expect((await createAgent(app).post('/api/auth/password-reset/request', { email: ADMIN.email })).status).toBe(202);
  expect((await createAgent(app).post('/api/auth/password-reset/request', { email: UNKNOWN_EMAIL })).status).toBe(202);
  const resetToken = await tokenFromOutbox(admin, ADMIN.email);

  expect((await admin.post('/api/admin/invites', { email: INVITEE.email, roles: ['member'] })).status).toBe(201);
  const inviteToken = await tokenFromOutbox(admin, INVITEE.email);
  const invitee = createAgent(app);
  expect((await invitee.post('/api/invites/preview', { token: inviteToken })).status).toBe(200);
  expect((await invitee.post('/api/invites/accept', { token: inviteToken, password: INVITEE.password, alias: INVITEE.alias })).status).toBe(
    201,
  );
  expect((await invitee.patch('/api/me/profile', { legalName: 'Secret Legal Name' })).status).toBe(200);
  secrets.push('Secret Legal Name');

  expect((await createAgent(app).post('/api/auth/password-reset/complete', { token: resetToken, password: RESET_PASSWORD })).status).toBe(
    200,
  );
  expect((await createAgent(app).post('/api/auth/password-reset/complete', { token: resetToken, password: RESET_PASSWORD })).status).toBe(
    410,
  );

  secrets.push(resetToken, inviteToken);
  for (const agent of [admin, signedIn, invitee]) {
    secrets.push(await agent.csrfToken());
    for (const value of agent.cookies.values()) secrets.push(value);
  }
  expect(secrets.every((secret) => secret.length >= 8)).toBe(true);
  return secrets;
}

describe('logs in production', () => {
  let built: Awaited<ReturnType<typeof buildLoggedApp>>;
  let secrets: string[];
  beforeAll(async () => {
    built = await buildLoggedApp(true);
    secrets = await exercise(built.app);
  });
  afterAll(async () => built.close());

  it('record the requests (so the test is not vacuous)', () => {
    const text = built.log.text();
    expect(built.log.lines.length).toBeGreaterThan(20);
    expect(text).toContain('/api/auth/sign-in');
    expect(text).toContain('/api/invites/accept');
    expect(text).toContain('"statusCode":401');
    for (const line of built.log.lines) expect(() => JSON.parse(line)).not.toThrow();
  });

  it('hold no email address, password, cookie value, CSRF token, emailed token or legal name', () => {
    const text = built.log.text();
    for (const secret of secrets) expect(text.includes(secret), `log contains ${secret.slice(0, 12)}…`).toBe(false);
    expect(text).not.toMatch(EMAIL_PATTERN);
    expect(text).not.toContain('$argon2');
    expect(text).not.toMatch(/#token=/);
  });

  it('redact the cookie and CSRF headers wherever a request is logged', () => {
    const text = built.log.text();
    expect(text).not.toMatch(/__Host-kinship=/);
    expect(text).not.toMatch(/"x-csrf-token":"(?!\[redacted\])/);
  });
});

describe('logs in development (no SMTP)', () => {
  let built: Awaited<ReturnType<typeof buildLoggedApp>>;
  let secrets: string[];
  beforeAll(async () => {
    built = await buildLoggedApp(false);
    secrets = await exercise(built.app);
  });
  afterAll(async () => built.close());

  it('carry addresses and links only in the deliberate "email held in outbox" lines', () => {
    const heldLines = built.log.lines.filter((line) => line.includes('email held in outbox'));
    expect(heldLines.length).toBeGreaterThan(0);
    const otherLines = built.log.lines.filter((line) => !line.includes('email held in outbox')).join('\n');
    for (const secret of secrets) expect(otherLines.includes(secret), `log contains ${secret.slice(0, 12)}…`).toBe(false);
    expect(otherLines).not.toMatch(EMAIL_PATTERN);
    // Even there, no password or cookie ever appears.
    for (const secret of [ADMIN.password, INVITEE.password, WRONG_PASSWORD, RESET_PASSWORD])
      expect(heldLines.join('\n')).not.toContain(secret);
  });
});
