// The modules of our dependencies that the program runs in a form of its own (README.md in this
// folder says why, each). One list, read by the bundle (scripts/bundle-options.mjs) and by the
// tests (vitest.config.ts), so the tests run what ships. Each is tied to the versions it was
// made for: another version stops the build and the tests until it has been checked.
import {readFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';

const here = path => fileURLToPath(new URL(path, import.meta.url));
const require = createRequire(import.meta.url);

/**
 * @typedef {{name: string; specifier: RegExp; importer?: RegExp; replacement: string; package: string; versions: RegExp; check: string}} Substitution
 * @type {readonly Substitution[]}
 */
export const SUBSTITUTIONS = [
	{
		name: 'fast string width',
		specifier: /^string-width$/,
		replacement: here('./fast-string-width.ts'),
		package: 'string-width',
		versions: /^8\./,
		check: 'test/storage/fast-string-width.test.ts compares it with string-width over every code point',
	},
	{
		name: 'yoga loader',
		// Only the bare specifier: the loader itself imports yoga-layout/load.
		specifier: /^yoga-layout$/,
		replacement: here('./yoga-loader.ts'),
		package: 'yoga-layout',
		versions: /^3\.2\./,
		check: 'it re-exports yoga-layout/load; every UI test lays out through it',
	},
	{
		name: 'frame output',
		specifier: /^\.\/output\.js$/,
		importer: /[\\/]node_modules[\\/]ink[\\/]build[\\/]renderer\.js$/,
		replacement: here('./frame-output.ts'),
		package: 'ink',
		versions: /^6\.8\./,
		check: "test/ui/frame-output.test.ts compares it with Ink's own Output",
	},
];

/** The version of an installed package. */
export function installedVersion(name) {
	let dir = dirname(require.resolve(name));
	for (;;) {
		try {
			const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
			if (pkg.name === name) return pkg.version;
		} catch {
			// Not this folder: go up.
		}
		const up = dirname(dir);
		if (up === dir) throw new Error(`cannot find the version of ${name}`);
		dir = up;
	}
}

/** Why the installed packages cannot take the substitutions, if they cannot (one line each). */
export function versionProblems() {
	return SUBSTITUTIONS.filter(s => !s.versions.test(installedVersion(s.package))).map(
		s => `${s.package} ${installedVersion(s.package)} is installed, but source/runtime/${s.replacement.split(/[\\/]/).pop()} (${s.name}) was made for ${s.versions}: check it (${s.check}), then allow the version in source/runtime/substitutions.mjs`,
	);
}

/** The replacement for an import, if it is one of ours. */
export function substitute(specifier, importer = '') {
	const s = SUBSTITUTIONS.find(x => x.specifier.test(specifier) && (!x.importer || x.importer.test(importer)));
	return s?.replacement;
}
