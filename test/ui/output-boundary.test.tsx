import React from 'react';
import {describe, it, expect, afterEach} from 'vitest';
import {render, cleanup} from 'ink-testing-library';
import {Text} from '../../source/ui/components/text.js';
import {HOSTILE, controlsIn} from '../helpers/hostile-corpus.js';

afterEach(() => cleanup());

describe("the TUI's Text is the output boundary (issue 13)", () => {
	it('shows every control in its strings, in arrays and in fragments (a text field draws its cursor in one), as visible codes', () => {
		const {lastFrame} = render(
			<Text>
				{HOSTILE}
				{[HOSTILE, <Text key="n">{HOSTILE}</Text>]}
				<>
					{HOSTILE}
					<Text inverse>{'\u001b'}</Text>
					{HOSTILE}
				</>
			</Text>,
		);
		const frame = lastFrame() ?? '';
		// The one escape left is the inverse video of the cursor block, which is ours.
		expect(controlsIn(frame.replace(/\u001b\[(7|27)m/g, ''))).toEqual([]);
		expect(frame.split('\\u001b]52;c;').length - 1).toBe(5);
	});
});
