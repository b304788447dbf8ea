// The first module of the app's bundle: marks when the bundle starts running, before Monaco's and React's modules
// (imported after this one in boot.tsx) are evaluated.
import { STARTUP_MARKS, markStartup } from './startup';

markStartup(STARTUP_MARKS.bundleRunning);
