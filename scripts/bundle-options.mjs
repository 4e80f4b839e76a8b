// What every bundle of the program shares (scripts/build.mjs, and the benchmark built like it).
import {readFileSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';

const here = path => fileURLToPath(new URL(path, import.meta.url));

/** @type {import('esbuild').BuildOptions} */
export const bundleOptions = {
	bundle: true,
	platform: 'node',
	format: 'esm',
	target: 'node20',
	logLevel: 'warning',
	jsx: 'automatic',
	// Less source for Node to scan at every start (the linked source map keeps traces readable).
	minifyWhitespace: !process.env.READABLE,
	minifySyntax: true,
	// CJS dependencies inside an ESM bundle need a require of their own.
	banner: {js: "import {createRequire as __createRequire} from 'node:module'; const require = __createRequire(import.meta.url);"},
	alias: {
		// Ink imports react-devtools-core only in dev mode, but bundling would hoist the import.
		'react-devtools-core': here('./devtools-stub.mjs'),
		// Ink's layout and ours measure text with string-width on every frame; the fast path
		// gives the same widths without its per-cluster segmenting (see source/text/fast-string-width.ts).
		'string-width': here('../source/text/fast-string-width.ts'),
	},
	plugins: [
		{
			// yoga-layout (Ink's layout engine) as loaded by source/ui/yoga-loader.ts: without
			// fetch, which would load Node's whole HTTP client at start-up. Only the bare
			// specifier is redirected: the loader itself imports yoga-layout/load.
			name: 'yoga-without-fetch',
			setup(build) {
				build.onResolve({filter: /^yoga-layout$/}, () => ({path: here('../source/ui/yoga-loader.ts')}));
			},
		},
		{
			// Ink's frame grid replaced by source/ui/ink/frame-output.ts, which draws the same
			// frames but keeps what did not change (test/ui/frame-output.test.ts compares them).
			// It copies Ink 6.8's Output, so another Ink must be checked against it first.
			name: 'incremental-frame-output',
			setup(build) {
				build.onResolve({filter: /^\.\/output\.js$/}, async args => {
					if (!/[\\/]node_modules[\\/]ink[\\/]build[\\/]renderer\.js$/.test(args.importer)) return undefined;
					const ink = JSON.parse(readFileSync(join(dirname(args.importer), '..', 'package.json'), 'utf8'));
					if (!/^6\.8\./.test(ink.version)) {
						return {errors: [{text: `Ink ${ink.version} is installed; source/ui/ink/frame-output.ts copies Ink 6.8's Output. Compare them (test/ui/frame-output.test.ts), then allow the version here.`}]};
					}
					return {path: here('../source/ui/ink/frame-output.ts')};
				});
			},
		},
	],
};
