// scratch: rps and CPU per request (server process, postgres backends, load generator) for a target
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import autocannon from 'autocannon';
import { httpClient } from '../lib/http-client.ts';
const [script, path, who] = [process.argv[2]!, process.argv[3]!, process.argv[4] ?? 'kinship'];
const port = 3457;
const DB = 'postgres://root@127.0.0.1/bench_kinship';
const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1', PUBLIC_URL: `http://127.0.0.1:${port}`, LOG_LEVEL: process.env.LL ?? 'warn', DATABASE_URL: DB };
let cookie = '';
if (who !== 'kinship') {
  const pg = (await import('pg')).default; const c = new pg.Client(DB); await c.connect();
  env.BENCH_USER_ID = (await c.query(`select id from users where email='member1@bench.kinship.invalid'`)).rows[0].id; await c.end();
}
const child = spawn(process.execPath, [...(process.env.NODE_EXTRA ?? '').split(' ').filter(Boolean), script], { env, stdio: 'inherit' });
for (let i = 0; i < 200; i++) { try { const r = await fetch(`http://127.0.0.1:${port}/api/health`); if (r.ok) break; } catch {} await new Promise(r => setTimeout(r, 100)); }
if (who === 'kinship') { const c = httpClient(`http://127.0.0.1:${port}`); await c.signIn('member1@bench.kinship.invalid', 'bench-password-not-secret'); cookie = c.cookieHeader(); }
const ticks = (pid: number) => { try { const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' '); return Number(f[11]) + Number(f[12]); } catch { return 0; } };
const pgPids = () => readdirSync('/proc').filter(d => /^\d+$/.test(d)).map(Number).filter(p => { try { return readFileSync(`/proc/${p}/comm`, 'utf8').startsWith('postgres'); } catch { return false; } });
const pgTicks = () => pgPids().reduce((a, p) => a + ticks(p), 0);
const run = (d: number) => new Promise<autocannon.Result>((res, rej) => autocannon({ url: `http://127.0.0.1:${port}${path}`, headers: { cookie }, connections: Number(process.env.CONN ?? 100), duration: d }, (e, r) => e ? rej(e) : res(r)));
await run(3);
const stat = () => readFileSync('/proc/stat','utf8').split('\n')[0]!.split(/\s+/).slice(1).map(Number);
const t0 = stat();
const s0 = ticks(child.pid!), p0 = pgTicks(), m0 = process.cpuUsage();
const r = await run(Number(process.env.SECS ?? 8));
const t1 = stat(); const d = t1.map((v, i) => v - (t0[i] ?? 0)); const tot = d.reduce((a, b) => a + b, 0);
const sysinfo = { user: (100*d[0]!/tot).toFixed(0), system: (100*d[2]!/tot).toFixed(0), idle: (100*(d[3]!+d[4]!)/tot).toFixed(0), softirq: (100*d[6]!/tot).toFixed(0), steal: (100*d[7]!/tot).toFixed(0) };
const s1 = ticks(child.pid!), p1 = pgTicks(), m1 = process.cpuUsage(m0);
const n = r['2xx'];
const per = (t: number) => ((t * 10) / n * 1000).toFixed(0) + 'µs';
console.log(JSON.stringify({ target: `${who} ${path}`, rps: Math.round(n / r.duration), non2xx: r.non2xx, server_cpu_per_req: per(s1 - s0), server_cpu_util: ((s1 - s0) / r.duration).toFixed(0) + '%', pg_cpu_per_req: per(p1 - p0), loadgen_cpu_per_req: (((m1.user + m1.system) / n)).toFixed(0) + 'µs', sys: sysinfo }));
child.kill('SIGTERM'); await new Promise(r => child.once('exit', r));
