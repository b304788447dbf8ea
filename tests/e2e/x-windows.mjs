// The app's windows that WebDriver cannot reach, as a person at the keyboard reaches them under Xvfb: found by their
// X window title and typed into with xdotool.
import { execFileSync } from 'node:child_process';

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
