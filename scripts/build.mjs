// Bundles the program into one ESM file: Node's loader walking hundreds of small modules
// (ink, react, zod…) costs more start-up time than the whole program needs otherwise.
import {build} from 'esbuild';
import {readFileSync, rmSync} from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

// Chunk names carry content hashes: start clean so old chunks do not pile up.
rmSync('dist', {recursive: true, force: true});

await build({
	entryPoints: {assess: 'source/cli.ts'},
	outdir: 'dist',
	// Heavy parts (Ink and React for the TUI, SheetJS for export) load only when used: a
	// plain command like \`assess score\` should not pay for evaluating them.
	splitting: true,
	chunkNames: 'chunks/[name]-[hash]',
	bundle: true,
	platform: 'node',
	format: 'esm',
	target: 'node20',
	sourcemap: 'linked',
	legalComments: 'none',
	logLevel: 'warning',
	// React's production build: its development build costs several milliseconds per keypress.
	define: {__ASSESS_VERSION__: JSON.stringify(pkg.version), 'process.env.NODE_ENV': '"production"'},
	// CJS dependencies inside an ESM bundle need a require of their own.
	banner: {js: "import {createRequire as __createRequire} from 'node:module'; const require = __createRequire(import.meta.url);"},
	// Ink imports react-devtools-core only in dev mode, but bundling would hoist the import.
	alias: {
		'react-devtools-core': './scripts/devtools-stub.mjs',
		// Ink's layout and ours measure text with string-width on every frame; the fast path
		// gives the same widths without its per-cluster segmenting (see source/text/fast-string-width.ts).
		'string-width': './source/text/fast-string-width.ts',
	},
});
