// Idle memory of the bare Tauri app in bench/webkit-floor (one window, a one-line page), summed over its process
// and every process under it as bench/app.mjs sums Blocksmith's: the floor WebKitGTK sets under any Tauri app on
// this machine. Then the same window showing one part of Blocksmith's at a time (bench/parts: React alone, Monaco
// as the app configures it), served over loopback, so each part's cost is its figure minus the floor's.
// Run through bench/webkit-floor.sh (it builds the app and the pages and provides the X display and session bus).
// Each setting runs 5 times; a run waits until WebKit's web process has started, then the same 5 s of idle as
// bench/app.mjs plus 3 s for the page to load (there is no editor to wait for). Medians; also to bench/out/.
import { spawn } from 'node:child_process';
import { readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { descendants, memoryKib } from '../tests/e2e/processes.mjs';

const RUNS = 5;
const SETTLE_MS = 8000;
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const application = process.argv[2];
const COMPOSITING_OFF = { WEBKIT_DISABLE_COMPOSITING_MODE: '1' };
const SETTINGS = [
  { key: 'floor-compositing', label: 'one-line page, as Tauri starts WebKit', env: {} },
  { key: 'floor', label: 'one-line page, GPU compositing off, as Blocksmith starts it', env: COMPOSITING_OFF },
  { key: 'react', label: 'React alone (bench/parts/react.tsx), compositing off', env: COMPOSITING_OFF, page: 'react.html' },
  {
    key: 'monaco',
    label: "Monaco alone, as the app configures it (bench/parts/monaco.ts), compositing off",
    env: COMPOSITING_OFF,
    page: 'monaco.html',
  },
  {
    key: 'monaco-no-worker',
    label: 'Monaco without its editor worker (bench/parts/monaco-no-worker.ts), compositing off',
    env: COMPOSITING_OFF,
    page: 'monaco-no-worker.html',
  },
];
const PARTS_DIR = join(root, 'bench/out/parts');
const CONTENT_TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.ttf': 'font/ttf' };

/** Serves the built part pages on loopback; resolves to the server and its base URL. */
function serveParts() {
  const server = createServer((request, response) => {
    const path = normalize(join(PARTS_DIR, decodeURIComponent(new URL(request.url, 'http://x').pathname)));
    if (!path.startsWith(PARTS_DIR)) return response.writeHead(403).end();
    try {
      const body = readFileSync(path);
      response.writeHead(200, { 'content-type': CONTENT_TYPES[extname(path)] ?? 'application/octet-stream' });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done({ server, base: `http://127.0.0.1:${server.address().port}` })));
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function measureOnce(env) {
  const app = spawn(application, [], { env: { ...process.env, ...env }, stdio: 'ignore' });
  try {
    const deadline = Date.now() + 30_000;
    while (!descendants(app.pid).some((p) => p.name.startsWith('WebKitWebProces'))) {
      if (Date.now() > deadline) throw new Error('WebKit did not start a web process within 30 s.');
      await sleep(50);
    }
    await sleep(SETTLE_MS);
    const memory = [app.pid, ...descendants(app.pid).map((p) => p.pid)].map(memoryKib).filter(Boolean);
    return {
      rssMb: memory.reduce((sum, m) => sum + m.rssKib, 0) / 1024,
      pssMb: memory.reduce((sum, m) => sum + m.pssKib, 0) / 1024,
    };
  } finally {
    app.kill();
    await new Promise((r) => app.once('exit', r));
  }
}

const parts = await serveParts();
const results = [];
for (const setting of SETTINGS) {
  const env = setting.page ? { ...setting.env, WEBKIT_FLOOR_PAGE: `${parts.base}/${setting.page}` } : setting.env;
  const runs = [];
  for (let run = 1; run <= RUNS; run += 1) runs.push(await measureOnce(env));
  process.stderr.write(`bench: ${setting.key}: ${runs.map((r) => r.pssMb.toFixed(0)).join(', ')} MB PSS\n`);
  results.push({
    key: setting.key,
    setting: setting.label,
    rssMedianMb: median(runs.map((r) => r.rssMb)),
    pssMedianMb: median(runs.map((r) => r.pssMb)),
    runs,
  });
}
mkdirSync(join(root, 'bench/out'), { recursive: true });
writeFileSync(join(root, 'bench/out/webkit-floor.json'), `${JSON.stringify(results, null, 2)}\n`);
parts.server.close();
console.log('Bare Tauri v2 app: idle memory of its process tree, median of 5\n');
console.log('| setting | RSS | PSS |\n| --- | --- | --- |');
for (const r of results) {
  console.log(`| ${r.setting} | ${r.rssMedianMb.toFixed(0)} MB | ${r.pssMedianMb.toFixed(0)} MB |`);
}
