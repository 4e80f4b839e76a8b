import {readFileSync} from 'node:fs';
import {defineConfig, type Plugin} from 'vitest/config';
import {substitute, versionProblems} from './source/runtime/substitutions.mjs';

/**
 * The bundle's runtime substitutions (source/runtime/README.md), for the tests too: our frame
 * output, yoga loader and fast string width, in our code and inside Ink (which is therefore
 * transformed by vitest instead of loaded as it is, and ink-testing-library with it, so that
 * both use the one Ink). Versions the substitutions were not made for stop the run.
 */
function runtimeSubstitutions(): Plugin {
	return {
		name: 'runtime-substitutions',
		enforce: 'pre',
		configResolved() {
			const problems = versionProblems();
			if (problems.length) throw new Error(problems.join('\n'));
		},
		resolveId(specifier, importer) {
			return substitute(specifier, importer ?? '');
		},
		// Ink ships source maps that name sources it does not ship: read its modules without
		// them (vite would warn about each one it now transforms).
		load(id) {
			if (!/[\\/]node_modules[\\/]ink(-testing-library)?[\\/]build[\\/].*\.js$/.test(id)) return undefined;
			return readFileSync(id.replace(/\?.*$/, ''), 'utf8').replace(/\n\/\/# sourceMappingURL=.*\s*$/, '\n');
		},
	};
}

const ui = {
	plugins: [runtimeSubstitutions()],
	// Ink's layout engine, as the program loads it, is ready before a test renders.
	setupFiles: ['test/setup/layout-engine.ts'],
	server: {deps: {inline: ['ink', 'ink-testing-library']}},
};

export default defineConfig({
	test: {
		// CLI tests spawn the built program; two workers suit these 2-core machines.
		maxWorkers: 2,
		testTimeout: 30_000,
		hookTimeout: 60_000,
		projects: [
			{
				// The pure core and storage: no build, no terminal (a clean checkout runs them).
				extends: true,
				test: {name: 'core', include: ['test/domain/**/*.test.ts', 'test/storage/**/*.test.ts', 'test/architecture/**/*.test.ts'], globalSetup: ['test/setup/cache-dir.ts']},
			},
			{
				// The TUI in-process, with what the bundle substitutes: no build either.
				extends: true,
				plugins: ui.plugins,
				test: {name: 'ui', include: ['test/ui/**/*.test.ts', 'test/ui/**/*.test.tsx'], globalSetup: ['test/setup/cache-dir.ts'], setupFiles: ui.setupFiles, server: ui.server},
			},
			{
				// The built program (CLI, tmux, reliability): `npm test` builds it first.
				extends: true,
				plugins: ui.plugins,
				test: {server: ui.server, name: 'program', include: ['test/cli/**/*.test.ts', 'test/export/**/*.test.ts', 'test/report/**/*.test.ts', 'test/install/**/*.test.ts', 'test/e2e/**/*.test.ts', 'test/reliability/**/*.test.ts', 'test/reliability/**/*.test.tsx'], globalSetup: ['test/global-setup.ts'], setupFiles: ui.setupFiles},
			},
		],
	},
});
