// Bundles the program into one ESM file: Node's loader walking hundreds of small modules
// (ink, react, zod…) costs more start-up time than the whole program needs otherwise.
import {build} from 'esbuild';
import {readFileSync, rmSync} from 'node:fs';
import {bundleOptions, buildId} from './bundle-options.mjs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

// Chunk names carry content hashes: start clean so old chunks do not pile up.
rmSync('dist', {recursive: true, force: true});

await build({
	...bundleOptions,
	entryPoints: {assess: 'source/cli.ts'},
	outdir: 'dist',
	// Heavy parts (Ink and React for the TUI, SheetJS for export) load only when used: a
	// plain command like `assess score` should not pay for evaluating them.
	splitting: true,
	chunkNames: 'chunks/[name]-[hash]',
	sourcemap: 'linked',
	legalComments: 'none',
	// React's production build: its development build costs several milliseconds per keypress.
	define: {__ASSESS_VERSION__: JSON.stringify(pkg.version), __ASSESS_BUILD_ID__: JSON.stringify(buildId()), 'process.env.NODE_ENV': '"production"'},
});
