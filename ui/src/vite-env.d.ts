/// <reference types="vite/client" />

/** True in debug and dev builds: the end-to-end tests reach Monaco through `window.monaco`. */
declare const __BLOCKSMITH_DEBUG__: boolean;
