// Entry point. index.html already shows a skeleton of the layout; this waits until it is on screen, then loads the
// app, whose bundle would otherwise hold the first paint back until it had been parsed.
// The styles come with this entry, so they are linked in the page's head and style the skeleton too.
import './styles.css';
import { prefetchFirstScreen } from './workspace/firstScreen';
import { STARTUP_MARKS, markStartup } from './startup';

// Rust opens the workspace and reads its block while the window paints and parses the app.
prefetchFirstScreen();
await new Promise<void>((painted) => requestAnimationFrame(() => setTimeout(painted, 0)));
markStartup(STARTUP_MARKS.bundleRequested);
await import('./boot');
