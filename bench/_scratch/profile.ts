// scratch: CPU-profile the real server under load on the seeded bench DB
import { spawn } from 'node:child_process';
import autocannon from 'autocannon';
import { httpClient } from '../lib/http-client.ts';
const path = process.argv[2] ?? '/api/me/profile';
const extraArgs = (process.env.NODE_EXTRA ?? '').split(' ').filter(Boolean);
const port = 3457;
const env = { ...process.env, PORT: String(port), HOST: '127.0.0.1', PUBLIC_URL: `http://127.0.0.1:${port}`, LOG_LEVEL: process.env.LL ?? 'warn', DATABASE_URL: 'postgres://root@127.0.0.1/bench_kinship' };
const child = spawn(process.execPath, [...extraArgs, 'server/main.ts'], { env, stdio: 'inherit' });
for (let i = 0; i < 100; i++) { try { const r = await fetch(`http://127.0.0.1:${port}/api/health`); if (r.ok) break; } catch {} await new Promise(r => setTimeout(r, 100)); }
const c = httpClient(`http://127.0.0.1:${port}`);
await c.signIn('member1@bench.kinship.invalid', 'bench-password-not-secret');
const cookie = c.cookieHeader();
const run = (d: number) => new Promise<autocannon.Result>((res, rej) => autocannon({ url: `http://127.0.0.1:${port}${path}`, headers: { cookie }, connections: 100, duration: d }, (e, r) => e ? rej(e) : res(r)));
await run(3);
const r = await run(Number(process.env.SECS ?? 10));
console.error(path, 'rps', r.requests.average, 'p50', r.latency.p50, 'non2xx', r.non2xx);
child.kill('SIGTERM');
await new Promise(r => child.once('exit', r));
