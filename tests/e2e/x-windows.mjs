// The app's windows that WebDriver cannot reach, as a person at the keyboard reaches them under Xvfb: found by their
// X window title, typed into with xdotool, watched through their pixels (ImageMagick's `import`) to know when a
// page has been painted, and closed as a window manager's close button closes them (WM_DELETE_WINDOW).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { waitFor } from './webdriver.mjs';

function xdotool(...args) {
  return execFileSync('xdotool', args, { encoding: 'utf8' }).trim();
}

/** The X window id of the visible window titled exactly `title`, or undefined while there is none. */
export function visibleWindow(title) {
  try {
    return xdotool('search', '--onlyvisible', '--name', `^${title}$`).split('\n')[0];
  } catch {
    // xdotool exits with 1 while no window matches.
    return undefined;
  }
}

/** Gives the window the keyboard focus, then types `text` into whatever has focus in it. */
export function typeInWindow(windowId, text) {
  xdotool('windowfocus', '--sync', windowId);
  xdotool('type', '--delay', '20', text);
}

/** Gives the window the keyboard focus, then presses `key` (an X key name such as `Return` or `Tab`). */
export function pressInWindow(windowId, key) {
  xdotool('windowfocus', '--sync', windowId);
  xdotool('key', key);
}

/** A fingerprint of what the window shows now: the SHA-1 of its pixels, grabbed with ImageMagick's `import`. */
export function windowImage(windowId) {
  const pixels = execFileSync('import', ['-window', windowId, '-depth', '8', 'rgb:-'], { maxBuffer: 64 * 1024 * 1024 });
  return createHash('sha1').update(pixels).digest('hex');
}

/**
 * Waits until the window shows the same image twice in a row, and (when `differentFrom` is given) not that image:
 * the page it loads has been painted, so it has also run its autofocus. Answers the image's fingerprint.
 */
export function waitForSteadyImage(windowId, { differentFrom = null, timeoutMs = 30_000, what = 'the window' } = {}) {
  let previous = null;
  return waitFor(
    () => {
      const current = windowImage(windowId);
      const steady = current === previous && current !== differentFrom;
      previous = current;
      return steady && current;
    },
    { timeoutMs, intervalMs: 200, message: `${what} to be painted and steady` },
  );
}

/** The number of the X display in `$DISPLAY` (`:99` → `99`). */
function displayNumber() {
  const display = /^(?:unix)?:(\d+)(?:\.\d+)?$/.exec(process.env.DISPLAY ?? '');
  if (!display) throw new Error(`$DISPLAY (${process.env.DISPLAY}) is not a local X display such as :99.`);
  return display[1];
}

/** The MIT-MAGIC-COOKIE-1 for the display from the X authority file (xvfb-run -a makes one), or null. */
function authorization(display) {
  let data;
  try {
    data = readFileSync(process.env.XAUTHORITY ?? join(homedir(), '.Xauthority'));
  } catch {
    return null;
  }
  let at = 0;
  const field = () => {
    const length = data.readUInt16BE(at);
    const value = data.subarray(at + 2, at + 2 + length);
    at += 2 + length;
    return value;
  };
  while (at + 2 <= data.length) {
    at += 2; // family
    field(); // address
    const number = field().toString();
    const name = field().toString();
    const cookie = field();
    if ((number === display || number === '') && name === 'MIT-MAGIC-COOKIE-1') return { name, cookie };
  }
  return null;
}

const padding = (length) => (4 - (length % 4)) % 4;

function internAtomRequest(name) {
  const request = Buffer.alloc(8 + name.length + padding(name.length));
  request.writeUInt8(16, 0); // InternAtom
  request.writeUInt16LE(request.length / 4, 2);
  request.writeUInt16LE(name.length, 4);
  request.write(name, 8, 'latin1');
  return request;
}

/**
 * Asks the window to close, as a window manager's close button does: an X ClientMessage WM_PROTOCOLS /
 * WM_DELETE_WINDOW sent to the window's owner. Spoken directly in the X protocol (xdotool 3.2016 has no such
 * command and Xvfb runs no window manager). Resolves once the X server has taken the message.
 */
export function closeWindow(windowId) {
  const display = displayNumber();
  const auth = authorization(display);
  return new Promise((resolve, reject) => {
    const socket = createConnection(`/tmp/.X11-unix/X${display}`);
    let received = Buffer.alloc(0);
    let stage = 'setup';
    const atoms = [];
    const fail = (message) => {
      socket.destroy();
      reject(new Error(`Closing X window ${windowId}: ${message}`));
    };
    socket.on('error', (error) => fail(error.message));
    socket.on('connect', () => {
      const name = auth?.name ?? '';
      const cookie = auth?.cookie ?? Buffer.alloc(0);
      const setup = Buffer.alloc(12 + name.length + padding(name.length) + cookie.length + padding(cookie.length));
      setup.write('l', 0, 'latin1'); // little-endian
      setup.writeUInt16LE(11, 2);
      setup.writeUInt16LE(name.length, 6);
      setup.writeUInt16LE(cookie.length, 8);
      setup.write(name, 12, 'latin1');
      cookie.copy(setup, 12 + name.length + padding(name.length));
      socket.write(setup);
    });
    socket.on('data', (chunk) => {
      received = Buffer.concat([received, chunk]);
      if (stage === 'setup') {
        if (received.length < 8) return;
        const total = 8 + received.readUInt16LE(6) * 4;
        if (received.length < total) return;
        if (received[0] !== 1) return fail(`the X server refused the connection: ${received.subarray(8, 8 + received[1])}`);
        received = received.subarray(total);
        stage = 'atoms';
        socket.write(Buffer.concat([internAtomRequest('WM_PROTOCOLS'), internAtomRequest('WM_DELETE_WINDOW')]));
      }
      while (received.length >= 32) {
        const message = received.subarray(0, 32);
        received = received.subarray(32);
        if (message[0] === 0) return fail(`the X server answered error ${message[1]}`);
        if (message[0] !== 1) continue; // an event; none was asked for
        if (stage === 'atoms') {
          atoms.push(message.readUInt32LE(8));
          if (atoms.length < 2) continue;
          const [protocols, deleteWindow] = atoms;
          const sendEvent = Buffer.alloc(44);
          sendEvent.writeUInt8(25, 0); // SendEvent, propagate false
          sendEvent.writeUInt16LE(11, 2);
          sendEvent.writeUInt32LE(Number(windowId), 4);
          sendEvent.writeUInt32LE(0, 8); // no event mask: to the window's owner
          sendEvent.writeUInt8(33, 12); // ClientMessage
          sendEvent.writeUInt8(32, 13); // format: 32-bit data
          sendEvent.writeUInt32LE(Number(windowId), 16);
          sendEvent.writeUInt32LE(protocols, 20);
          sendEvent.writeUInt32LE(deleteWindow, 24);
          sendEvent.writeUInt32LE(0, 28); // CurrentTime
          const getInputFocus = Buffer.from([43, 0, 1, 0]); // a round trip: any error of SendEvent comes first
          socket.write(Buffer.concat([sendEvent, getInputFocus]));
          stage = 'sent';
        } else if (stage === 'sent') {
          socket.end();
          return resolve();
        }
      }
    });
  });
}
