import {describe, it, expect} from 'vitest';
import fc from 'fast-check';
import FrameOutput, {frameStats} from '../../source/runtime/frame-output.js';
// Ink's own Output, which the bundle replaces with ours: both must draw the same frames.
import InkOutput from '../../node_modules/ink/build/output.js';

const RED = '\u001B[31m';
const GREEN = '\u001B[32m';
const FG_OFF = '\u001B[39m';
const BOLD = '\u001B[1m';
const BOLD_OFF = '\u001B[22m';
const INVERSE = '\u001B[7m';
const INVERSE_OFF = '\u001B[27m';
const pieces = ['a', 'Z', ' ', '  ', '办事指南', '北京市', '，', '─', '│', '…', '→', 'é', '😀', '1.4.3', '[x]', '\n', RED, GREEN, FG_OFF, BOLD, BOLD_OFF, INVERSE, INVERSE_OFF];
const text = fc.array(fc.constantFrom(...pieces), {minLength: 0, maxLength: 12}).map(p => p.join(''));
const transformer = fc.constantFrom<((line: string, index: number) => string)[]>([], [line => line.toUpperCase()], [(line, index) => `${index}${RED}${line}${FG_OFF}`]);
const maybe = (n: fc.Arbitrary<number>) => fc.option(n, {nil: undefined});
const operation = fc.oneof(
	{weight: 6, arbitrary: fc.record({type: fc.constant('write' as const), x: fc.integer({min: -3, max: 24}), y: fc.integer({min: -3, max: 10}), text, transformers: transformer})},
	{weight: 1, arbitrary: fc.record({type: fc.constant('clip' as const), clip: fc.record({x1: maybe(fc.integer({min: -2, max: 20})), x2: maybe(fc.integer({min: 0, max: 24})), y1: maybe(fc.integer({min: -2, max: 8})), y2: maybe(fc.integer({min: 0, max: 10}))})})},
	{weight: 1, arbitrary: fc.constant({type: 'unclip' as const})},
);
type Op = typeof operation extends fc.Arbitrary<infer T> ? T : never;
const frame = fc.record({width: fc.integer({min: 1, max: 20}), height: fc.integer({min: 1, max: 8}), operations: fc.array(operation, {maxLength: 14})});

function draw(output: {write: (x: number, y: number, text: string, o: {transformers: ((line: string, index: number) => string)[]}) => void; clip: (c: never) => void; unclip: () => void; get: () => {output: string; height: number}}, operations: Op[]) {
	for (const op of operations) {
		if (op.type === 'write') output.write(op.x, op.y, op.text, {transformers: op.transformers});
		else if (op.type === 'clip') output.clip(op.clip as never);
		else output.unclip();
	}
	return output.get();
}

describe('the frame output (Ink’s Output, made incremental)', () => {
	it('draws every frame exactly as Ink’s own Output does, frame after frame', () => {
		fc.assert(
			fc.property(fc.array(frame, {minLength: 1, maxLength: 6}), frames => {
				for (const f of frames) {
					const ours = draw(new FrameOutput({width: f.width, height: f.height}), f.operations);
					const inks = draw(new InkOutput({width: f.width, height: f.height}) as never, f.operations);
					expect(ours).toEqual(inks);
				}
			}),
			{numRuns: 1500},
		);
	});

	it('turns only the rows that changed into strings again, and draws them right', () => {
		const screen = (status: string, body = `> [x] 1.1.1 ${GREEN}100.00${FG_OFF}`) => {
			const o = new FrameOutput({width: 30, height: 3});
			o.write(0, 0, `${BOLD}assess${BOLD_OFF} 北京市`, {transformers: []});
			o.write(0, 1, body, {transformers: []});
			o.write(0, 2, status, {transformers: []});
			return o.get().output.split('\n');
		};
		const first = screen('saving');
		expect(frameStats.rowsBuilt).toBe(3);
		const second = screen('saved 09:30:00');
		// The header and the tree row were the last frame's; only the status row was built again.
		expect(frameStats.rowsBuilt).toBe(1);
		expect(second).toEqual([first[0], first[1], 'saved 09:30:00']);
		screen('saved 09:30:00', '> [x] 1.1.1 99.00');
		expect(frameStats.rowsBuilt).toBe(1);
		expect(first[0]).toBe(`${BOLD}assess${BOLD_OFF} 北京市`);
	});

	it('is what Ink draws with, in the UI tests as in the bundle', async () => {
		const {substitute} = await import('../../source/runtime/substitutions.mjs');
		expect(substitute('./output.js', '/x/node_modules/ink/build/renderer.js')).toMatch(/source[\\/]runtime[\\/]frame-output\.ts$/);
		const {render} = await import('ink-testing-library');
		const React = await import('react');
		const {Text} = await import('ink');
		frameStats.rowsBuilt = -1;
		const r = render(React.createElement(Text, null, 'drawn by our grid'));
		expect(r.lastFrame()).toBe('drawn by our grid');
		expect(frameStats.rowsBuilt).toBeGreaterThanOrEqual(0);
		r.unmount();
	});
});
