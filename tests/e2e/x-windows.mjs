// The app's windows that WebDriver cannot reach, as a person at the keyboard reaches them under Xvfb: found by their
// X window title, typed into with xdotool, and watched through their pixels (ImageMagick's `import`) to know when a
// page has been painted.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
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
