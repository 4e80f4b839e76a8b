import {loadLayoutEngine} from '../../source/runtime/yoga-loader.js';

// Ink lays out with the engine the program loads (source/runtime/yoga-loader.ts), loaded before
// the first render as run-tui.tsx does.
await loadLayoutEngine();
