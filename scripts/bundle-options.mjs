// What every bundle of the program shares (scripts/build.mjs, and the benchmark built like it).
import {createHash} from 'node:crypto';
import {readFileSync, readdirSync} from 'node:fs';
import {join, relative} from 'node:path';
import {substitute, versionProblems} from '../source/runtime/substitutions.mjs';
import {fileURLToPath} from 'node:url';

const here = path => fileURLToPath(new URL(path, import.meta.url));

/**
 * The program is bundled as CommonJS so that bin/assess.js can run it with V8's code cache
 * (source/runtime/boot.ts): ESM modules cannot take a code cache on Node 20. The benchmark, whose
 * script awaits at its top level, is bundled as ESM with the same aliases and plugins.
 *
 * @param {'cjs' | 'esm'} format
 * @returns {import('esbuild').BuildOptions}
 */
export function bundleOptions(format) {
	return {
		bundle: true,
		platform: 'node',
		format,
		target: 'node20',
		logLevel: 'warning',
		jsx: 'automatic',
		// Less source for Node to scan at every start. The linked source maps serve profiles and
		// debuggers; the package leaves them out, since nothing reads them at run time (Node maps
		// no stack traces of code run through vm.Script, as source/boot.ts runs the bundle).
		minifyWhitespace: !process.env.READABLE,
		minifySyntax: true,
		// Big dependencies that only some commands need are left in node_modules and required
		// when needed (both are CommonJS packages): an export loads SheetJS, search loads pinyin.
		external: ['xlsx', 'pinyin-pro'],
		...(format === 'cjs'
			? {
					// import() inside the bundle becomes require(), which a script run by vm has.
					supported: {'dynamic-import': false},
					// import.meta.url, as the modules that find files next to the program use it.
					define: {'import.meta.url': '__importMetaUrl'},
					inject: [here('./import-meta-url.mjs')],
				}
			: {
					// CJS dependencies inside an ESM bundle need a require of their own.
					banner: {js: "import {createRequire as __createRequire} from 'node:module'; const require = __createRequire(import.meta.url);"},
				}),
		alias: {
			// Ink imports react-devtools-core only in dev mode, but bundling would hoist the import.
			'react-devtools-core': here('./devtools-stub.mjs'),
		},
		plugins: [
			{
				// The program's own forms of some dependency modules (frame output, yoga loader,
				// fast string width): source/runtime/README.md and substitutions.mjs, which the
				// tests' vitest.config.ts reads too. Versions they were not made for stop the build.
				name: 'runtime-substitutions',
				setup(build) {
					build.onStart(() => ({errors: versionProblems().map(text => ({text}))}));
					build.onResolve({filter: /^(string-width|yoga-layout|\.\/output\.js)$/}, args => {
						const path = substitute(args.path, args.importer);
						return path ? {path} : undefined;
					});
				},
			},
			...(format === 'cjs' ? [inkWithoutDevAwaits] : []),
		],
	};
}

/**
 * Ink's reconciler awaits at its top level, in two branches taken only in development mode
 * (React devtools, Ink's own package.json for them). CommonJS has no top-level await, and the
 * bundle runs in production mode: those two awaits are taken out. The build stops if Ink's
 * code is not as expected (and esbuild stops at any other top-level await).
 */
const inkWithoutDevAwaits = {
	name: 'ink-without-dev-awaits',
	setup(build) {
		build.onLoad({filter: /[\\/]node_modules[\\/]ink[\\/]build[\\/]reconciler\.js$/}, args => {
			const source = readFileSync(args.path, 'utf8');
			const edits = [
				["await import('./devtools.js');", 'void 0;'],
				['? await loadPackageJson()', '? undefined'],
			];
			let contents = source;
			for (const [from, to] of edits) {
				if (!contents.includes(from)) return {errors: [{text: `ink/build/reconciler.js no longer holds "${from}": see scripts/bundle-options.mjs`}]};
				contents = contents.replace(from, to);
			}
			return {contents, loader: 'js'};
		});
	},
};

/**
 * What a build is made from: the sources, the locked dependencies and these options. The
 * program's caches (validated files, compiled code) trust only what the same build made.
 */
export function buildId() {
	const root = here('..');
	const files = [];
	const walk = dir => {
		for (const entry of readdirSync(dir, {withFileTypes: true})) {
			const path = join(dir, entry.name);
			if (entry.isDirectory()) walk(path);
			else files.push(path);
		}
	};
	walk(join(root, 'source'));
	files.push(join(root, 'package-lock.json'), here('./bundle-options.mjs'), here('./import-meta-url.mjs'));
	const hash = createHash('sha256');
	for (const file of files.sort()) hash.update(`${relative(root, file)}\0`).update(readFileSync(file)).update('\0');
	return hash.digest('hex').slice(0, 32);
}
