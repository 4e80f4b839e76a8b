import {describe, it, expect} from 'vitest';
import fc from 'fast-check';
import FrameOutput from '../../source/ui/ink/frame-output.js';
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

	it('reuses the rows that did not change, and redraws the ones that did', () => {
		const screen = (status: string) => {
			const o = new FrameOutput({width: 30, height: 3});
			o.write(0, 0, `${BOLD}assess${BOLD_OFF} · 北京市`, {transformers: []});
			o.write(0, 1, `> [x] 1.1.1 ${GREEN}100.00${FG_OFF}`, {transformers: []});
			o.write(0, 2, status, {transformers: []});
			return o.get().output.split('\n');
		};
		const first = screen('saving…');
		const second = screen('saved 09:30:00');
		expect(second[0]).toBe(first[0]);
		expect(second[1]).toBe(first[1]);
		expect(second[2]).toBe('saved 09:30:00');
		expect(first[0]).toBe(`${BOLD}assess${BOLD_OFF} · 北京市`);
	});
});
