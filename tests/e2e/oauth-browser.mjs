#!/usr/bin/env node
// A stand-in for the person's own browser, started by the app as `$BROWSER <authorize URL>` ("Open in system
// browser"). It does what a person does there: follows the provider's redirects, keeping its cookies, signs in on
// the login page, allows on the consent page, and lands on the loopback redirect URI the app listens on.
//
// Set by the test in the app's environment:
//   BLOCKSMITH_TEST_BROWSER_LOG   a file that gets one JSON line per page this browser opened
//                                 ({"method", "url", "status"}), and a last line {"done": true} or {"error": "…"}
//   BLOCKSMITH_TEST_BROWSER_MODE  a file whose text chooses what the person does: `consent` (the default), or
//                                 `ignore` (opens nothing: a person who walked away, for Cancel)
import { appendFileSync, readFileSync } from 'node:fs';

const [authorizeUrl] = process.argv.slice(2);
const logFile = process.env.BLOCKSMITH_TEST_BROWSER_LOG;
const modeFile = process.env.BLOCKSMITH_TEST_BROWSER_MODE;

function log(entry) {
  if (logFile) appendFileSync(logFile, `${JSON.stringify(entry)}\n`);
}

function mode() {
  try {
    return readFileSync(modeFile, 'utf8').trim() || 'consent';
  } catch {
    return 'consent';
  }
}

const cookies = new Map();

async function open(method, url, form) {
  const headers = {};
  if (cookies.size > 0) headers.cookie = [...cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  const init = { method, headers, redirect: 'manual' };
  if (form) {
    headers['content-type'] = 'application/x-www-form-urlencoded';
    init.body = new URLSearchParams(form).toString();
  }
  const response = await fetch(url, init);
  for (const cookie of response.headers.getSetCookie()) {
    const [pair] = cookie.split(';');
    const at = pair.indexOf('=');
    if (at > 0) cookies.set(pair.slice(0, at).trim(), pair.slice(at + 1).trim());
  }
  const body = await response.text();
  log({ method, url, status: response.status });
  return { status: response.status, location: response.headers.get('location'), body };
}

function formAction(page) {
  const form = /<form[^>]*action="([^"]+)"/.exec(page);
  return form && form[1].replaceAll('&amp;', '&');
}

async function consent(url) {
  let current = url;
  // The last hop is the app's loopback listener: the browser opens it like any page, and stops there.
  for (let hop = 0; hop < 16; hop += 1) {
    const page = await open('GET', current);
    if (new URL(current).hostname === '127.0.0.1' && new URL(current).pathname === '/callback') {
      if (page.status !== 200) throw new Error(`The app's loopback listener answered ${page.status}.`);
      return;
    }
    if (page.location) {
      current = new URL(page.location, current).href;
      continue;
    }
    const action = formAction(page.body);
    if (page.status !== 200 || !action) throw new Error(`No form at ${current} (HTTP ${page.status}).`);
    let fields;
    if (page.body.includes('name="prompt" value="login"')) {
      fields = { prompt: 'login', login: 'system-browser-person', password: 'any' };
    } else if (page.body.includes('name="prompt" value="consent"')) {
      fields = { prompt: 'consent' };
    } else {
      throw new Error(`Neither a login nor a consent page at ${current}.`);
    }
    const submitted = await open('POST', new URL(action, current).href, fields);
    if (!submitted.location) throw new Error(`The form at ${action} did not redirect (HTTP ${submitted.status}).`);
    current = new URL(submitted.location, current).href;
  }
  throw new Error('The provider never redirected to the loopback redirect URI.');
}

if (mode() === 'ignore') {
  log({ ignored: authorizeUrl });
} else {
  try {
    await consent(authorizeUrl);
    log({ done: true });
  } catch (error) {
    log({ error: String(error?.message ?? error) });
    process.exitCode = 1;
  }
}
