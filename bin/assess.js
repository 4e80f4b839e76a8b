#!/usr/bin/env node
// The program is bundled into dist/assess.cjs (`npm run build` makes it), and dist/boot.cjs runs
// it with the code V8 compiled in earlier runs (see source/boot.ts): a faster start.
import {existsSync} from 'node:fs';
import {createRequire} from 'node:module';
import {fileURLToPath} from 'node:url';

const bundle = fileURLToPath(new URL('../dist/assess.cjs', import.meta.url));
if (!existsSync(bundle)) {
	// In a clone before `npm install` / `npm run build`; an installed copy always has dist/.
	process.stderr.write('assess: the program is not built yet (dist/ is missing): in a clone of its repository, run `npm ci` (it builds), or `npm run build`.\n');
	process.exit(1);
}
// Ink turns itself into a one-frame printer when it believes it runs in CI (a CI variable is
// set). A real terminal on both ends is interactive whatever the environment says.
if (process.stdin.isTTY && process.stdout.isTTY && process.env.CI !== undefined) process.env.CI = 'false';
createRequire(import.meta.url)('../dist/boot.cjs').boot(bundle, process.argv.slice(2), process.env);
