// Bundles the program into one ESM file: Node's loader walking hundreds of small modules
// (ink, react, zod…) costs more start-up time than the whole program needs otherwise.
import {build} from 'esbuild';
import {readFileSync} from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

await build({
	entryPoints: ['source/cli.ts'],
	outfile: 'dist/assess.js',
	bundle: true,
	platform: 'node',
	format: 'esm',
	target: 'node20',
	sourcemap: 'linked',
	legalComments: 'none',
	logLevel: 'warning',
	define: {__ASSESS_VERSION__: JSON.stringify(pkg.version)},
	// CJS dependencies inside an ESM bundle need a require of their own.
	banner: {js: "import {createRequire as __createRequire} from 'node:module'; const require = __createRequire(import.meta.url);"},
	// Ink imports react-devtools-core only in dev mode, but bundling would hoist the import.
	alias: {'react-devtools-core': './scripts/devtools-stub.mjs'},
});
