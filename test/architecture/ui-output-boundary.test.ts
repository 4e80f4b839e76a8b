import {describe, it, expect} from 'vitest';
import {readFileSync, readdirSync} from 'node:fs';
import {join, relative} from 'node:path';
import {repoRoot} from '../helpers/run-cli.js';

/**
 * Issue 13's output boundary, held structurally: in the TUI, text reaches a frame only through
 * `components/text.tsx` (Ink's Text with every string through `terminalSafe`), and nothing else
 * writes to the terminal but the program's own mode switches.
 */

const ui = join(repoRoot, 'source', 'ui');
const files = (dir: string): string[] => readdirSync(dir, {withFileTypes: true}).flatMap(e => (e.isDirectory() ? files(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : []));
const sources = files(ui).map(f => ({file: relative(ui, f), text: readFileSync(f, 'utf8')}));

describe('the TUI writes text only through the output boundary', () => {
	it('finds the views (the scan works)', () => {
		expect(sources.filter(s => s.text.includes("from '../components/text.js'") || s.text.includes("from './text.js'")).length).toBeGreaterThan(10);
	});

	it("no view takes Ink's own Text, Transform or Static (they would write strings unchecked)", () => {
		const bypass = sources.filter(s => s.file !== join('components', 'text.tsx')).filter(s => /import\s*\{[^}]*\b(Text|Transform|Static)\b[^}]*\}\s*from\s*'ink'/.test(s.text));
		expect(bypass.map(s => s.file)).toEqual([]);
	});

	it('nothing in the TUI writes to the terminal but the screen modes of run-tui', () => {
		const writes = sources.flatMap(s => [...s.text.matchAll(/\b(?:process\.)?(?:stdout|stderr)\.write\(([^)]*)\)|\bconsole\.\w+\(/g)].map(m => `${s.file}: ${m[0]}`));
		expect(writes).toEqual(['run-tui.tsx: process.stdout.write(ENTER)', 'run-tui.tsx: process.stdout.write(LEAVE)']);
	});

	it("the boundary is terminalSafe itself", () => {
		const text = sources.find(s => s.file === join('components', 'text.tsx'))!.text;
		expect(text).toContain("import {terminalSafe} from '../../text/terminal-safe.js'");
		expect(text).toMatch(/typeof node === 'string'\) return terminalSafe\(node\)/);
	});
});
