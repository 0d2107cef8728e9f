import { readFileSync, readdirSync } from 'node:fs';
const dir = process.argv[2]!;
const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'))!;
const prof = JSON.parse(readFileSync(`${dir}/${file}`, 'utf8'));
const nodes = new Map<number, any>(prof.nodes.map((n: any) => [n.id, n]));
const self = new Map<number, number>();
const dt = prof.timeDeltas as number[];
prof.samples.forEach((id: number, i: number) => self.set(id, (self.get(id) ?? 0) + (dt[i] ?? 0)));
const total = [...self.values()].reduce((a, b) => a + b, 0);
// parent map
const parent = new Map<number, number>();
for (const n of prof.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const label = (n: any) => {
  const u = n.callFrame.url.replace(/^file:\/\/\/work\/main\//, '').replace(/node_modules\//, 'nm/');
  return `${n.callFrame.functionName || '(anon)'} ${u}:${n.callFrame.lineNumber}`;
};
const pkg = (n: any) => {
  const u: string = n.callFrame.url;
  if (!u) return n.callFrame.functionName.startsWith('(') ? n.callFrame.functionName : '(native)';
  const m = /node_modules\/((@[^/]+\/)?[^/]+)/.exec(u);
  if (m) return m[1];
  if (u.startsWith('node:')) return u;
  return u.replace(/^file:\/\/\/work\/main\//, '');
};
const byPkg = new Map<string, number>();
const byFn = new Map<string, number>();
for (const [id, t] of self) { const n = nodes.get(id); byPkg.set(pkg(n), (byPkg.get(pkg(n)) ?? 0) + t); byFn.set(label(n), (byFn.get(label(n)) ?? 0) + t); }
const pct = (t: number) => ((100 * t) / total).toFixed(1) + '%';
console.log('total sampled ms', (total / 1000).toFixed(0));
console.log('--- self time by package/file');
for (const [k, v] of [...byPkg].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(pct(v).padStart(6), k);
console.log('--- self time by function');
for (const [k, v] of [...byFn].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(pct(v).padStart(6), k);
// inclusive time for selected frames
const incl = new Map<string, number>();
for (const [id, t] of self) {
  const seen = new Set<string>();
  let cur: number | undefined = id;
  while (cur !== undefined) { const n = nodes.get(cur); const k = pkg(n) + ' :: ' + (n.callFrame.functionName || '(anon)'); if (!seen.has(k)) { seen.add(k); incl.set(k, (incl.get(k) ?? 0) + t); } cur = parent.get(cur); }
}
console.log('--- inclusive (top 60)');
for (const [k, v] of [...incl].sort((a, b) => b[1] - a[1]).slice(0, 70)) console.log(pct(v).padStart(6), k);
