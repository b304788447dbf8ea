// Idle memory of the bare Tauri app in bench/webkit-floor (one window, a one-line page), summed over its process
// and every process under it as bench/app.mjs sums Blocksmith's: the floor WebKitGTK sets under any Tauri app on
// this machine. Run through bench/webkit-floor.sh (it builds the app and provides the X display and session bus).
// Each setting runs 5 times; a run waits until WebKit's web process has started, then the same 5 s of idle as
// bench/app.mjs plus 3 s for the page to load (there is no editor to wait for). Medians; also to bench/out/.
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { descendants, memoryKib } from '../tests/e2e/processes.mjs';

const RUNS = 5;
const SETTLE_MS = 8000;
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const application = process.argv[2];
const SETTINGS = [
  { label: 'as Tauri starts WebKit', env: {} },
  { label: 'GPU compositing off, as Blocksmith starts it', env: { WEBKIT_DISABLE_COMPOSITING_MODE: '1' } },
];

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

const results = [];
for (const setting of SETTINGS) {
  const runs = [];
  for (let run = 1; run <= RUNS; run += 1) runs.push(await measureOnce(setting.env));
  results.push({
    setting: setting.label,
    rssMedianMb: median(runs.map((r) => r.rssMb)),
    pssMedianMb: median(runs.map((r) => r.pssMb)),
    runs,
  });
}
mkdirSync(join(root, 'bench/out'), { recursive: true });
writeFileSync(join(root, 'bench/out/webkit-floor.json'), `${JSON.stringify(results, null, 2)}\n`);
console.log('Bare Tauri v2 app, one-line page: idle memory of its process tree, median of 5\n');
console.log('| setting | RSS | PSS |\n| --- | --- | --- |');
for (const r of results) {
  console.log(`| ${r.setting} | ${r.rssMedianMb.toFixed(0)} MB | ${r.pssMedianMb.toFixed(0)} MB |`);
}
