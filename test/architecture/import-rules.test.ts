import {describe, it, expect} from 'vitest';
import {readFileSync, readdirSync} from 'node:fs';
import {dirname, join, relative, resolve} from 'node:path';
import {repoRoot} from '../helpers/run-cli.js';

const source = join(repoRoot, 'source');

function files(dir: string): string[] {
	return readdirSync(dir, {withFileTypes: true}).flatMap(e => (e.isDirectory() ? files(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : []));
}

/** Every module a source file imports (static, dynamic and re-exports), as paths under source/ or package names. */
function importsOf(file: string): string[] {
	const text = readFileSync(file, 'utf8');
	const specifiers = [...text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map(m => m[1] ?? m[2]!);
	return specifiers.map(s => (s.startsWith('.') ? relative(source, resolve(dirname(file), s)).replace(/\.js$/, '') : `package:${s}`));
}

/** The layer a path under source/ belongs to: its first folder (or the file, at the top). */
const layerOf = (path: string) => path.split(/[\\/]/)[0]!.replace(/\.tsx?$/, '');

const all = files(source).map(f => ({file: relative(source, f), layer: layerOf(relative(source, f)), imports: importsOf(f)}));

/** Who may not import whom (README, "Development": the core never imports the layers around it). */
const FORBIDDEN: Record<string, readonly string[]> = {
	domain: ['storage', 'export', 'cli', 'ui', 'text', 'runtime', 'boot', 'cli', 'version'],
	storage: ['cli', 'ui', 'export'],
	export: ['cli', 'ui'],
	ui: ['cli'],
	text: ['domain', 'storage', 'export', 'cli', 'ui'],
};

describe('the layers import only what they may', () => {
	it('finds the imports it checks (the scanner works)', () => {
		const ui = all.find(f => f.file === join('ui', 'app.tsx'))!;
		expect(ui.imports).toContain(join('ui', 'state', 'store'));
		expect(all.find(f => f.file === join('cli', 'commands', 'open.ts'))!.imports.some(i => i.startsWith('ui'))).toBe(true);
		expect(all.length).toBeGreaterThan(100);
	});

	it.each(Object.keys(FORBIDDEN))('%s', layer => {
		const broken = all
			.filter(f => f.layer === layer)
			.flatMap(f => f.imports.filter(i => !i.startsWith('package:') && FORBIDDEN[layer]!.includes(layerOf(i))).map(i => `${f.file} imports ${i}`));
		expect(broken).toEqual([]);
	});

	it('the domain uses no Node, terminal or file packages (no I/O, no clock)', () => {
		// Hashing (canonical JSON's SHA-256) is computation, not I/O.
		const allowed = new Set(['package:zod', 'package:fuse.js', 'package:pinyin-pro', 'package:node:crypto']);
		const broken = all.filter(f => f.layer === 'domain').flatMap(f => f.imports.filter(i => i.startsWith('package:') && !allowed.has(i)).map(i => `${f.file} imports ${i}`));
		expect(broken).toEqual([]);
	});
});
