// Sets Blocksmith's idle memory (bench/out/app.json, from bench/app.sh) beside its floor and its parts
// (bench/out/webkit-floor.json, from bench/webkit-floor.sh), by PSS, which counts a shared page once. Prints what
// Blocksmith adds above a bare Tauri window against the goal, and each part's share of it:
// - React: the bare window showing a React page, minus the bare window;
// - Monaco: the bare window showing Monaco as the app configures it, minus the bare window, and of that, the editor
//   worker Monaco starts (the same page with an empty worker in its place);
// - the warm block worker: its own process's PSS in Blocksmith's tree;
// - the rest (the app's own Rust process above Tauri's, the UI's code and state): what is left.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const GOAL_ABOVE_FLOOR_MB = 60;
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const read = (name) => JSON.parse(readFileSync(join(root, 'bench/out', name), 'utf8'));

const floorRuns = read('webkit-floor.json');
const app = read('app.json');
const pss = (key) => {
  const found = floorRuns.find((r) => r.key === key);
  if (!found) throw new Error(`bench/out/webkit-floor.json has no "${key}" setting: run bench/webkit-floor.sh again.`);
  return found.pssMedianMb;
};

const floor = pss('floor');
const react = pss('react') - floor;
const monaco = pss('monaco') - floor;
const editorWorker = pss('monaco') - pss('monaco-no-worker');
const mb = (kib) => kib / 1024;
// The worker is the app's own binary started as a worker: the process under the app with the app's name.
const appName = app.lastRunProcesses[0].name;
const workers = app.lastRunProcesses.slice(1).filter((proc) => proc.name === appName);
const worker = workers.reduce((sum, proc) => sum + mb(proc.pssKib), 0);
const above = app.idlePssMedianMb - floor;
const rest = above - react - monaco - worker;

const row = (label, value) => console.log(`| ${label} | ${value.toFixed(0)} MB |`);
console.log(`Blocksmith (${app.application}) against a bare Tauri v2 window, PSS, medians of 5\n`);
console.log('| measure | PSS |\n| --- | --- |');
row('bare Tauri window (compositing off, as Blocksmith starts it)', floor);
row('Blocksmith, idle on a workspace', app.idlePssMedianMb);
row(`**Blocksmith above the floor** (goal ≤ ${GOAL_ABOVE_FLOOR_MB} MB)`, above);
row('of which React (its page over the floor)', react);
row('of which Monaco (its page over the floor)', monaco);
row("of Monaco's, its editor worker (the page with and without it)", editorWorker);
row(`of which the warm block worker (${workers.length} process)`, worker);
row('of which the rest: the app process above Tauri\'s, the UI\'s own code and state', rest);
console.log(`\nGoal ${above <= GOAL_ABOVE_FLOOR_MB ? 'met' : 'not met'}: ${above.toFixed(0)} MB above the floor.`);
