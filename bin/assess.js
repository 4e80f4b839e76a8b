#!/usr/bin/env node
// The program is bundled into one file (dist/assess.js) so it starts fast; `npm run build` makes it.
import {existsSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import module from 'node:module';

// Node 22.1+ can keep compiled code between runs (a faster start); on Node 20 this is skipped.
module.enableCompileCache?.();

const bundle = new URL('../dist/assess.js', import.meta.url);
if (!existsSync(fileURLToPath(bundle))) {
	process.stderr.write('assess: the program is not built yet; run `npm run build` (or `npm start`) first.\n');
	process.exit(1);
}
// Ink turns itself into a one-frame printer when it believes it runs in CI (a CI variable is
// set). A real terminal on both ends is interactive whatever the environment says.
if (process.stdin.isTTY && process.stdout.isTTY && process.env.CI !== undefined) process.env.CI = 'false';
await import(bundle.href);
