import {describe, it, expect} from 'vitest';
import fc from 'fast-check';
import {parseJsonText} from '../../source/storage/read-json-file.js';
import {scanStructure, countMembers, MAX_JSON_DEPTH} from '../../source/storage/json-structure.js';
import {UserError} from '../../source/storage/user-error.js';

const problemOf = (text: string): string | undefined => {
	try {
		parseJsonText('x.json', Buffer.from(text));
		return undefined;
	} catch (error) {
		if (error instanceof UserError) return error.message;
		throw error;
	}
};

describe('the structure checks JSON.parse does not make', () => {
	it('refuses a __proto__ key however it is written, escaped too, and names its place', () => {
		expect(problemOf('{\n  "a": {"__proto__": {"x": 1}}\n}')).toMatch(/line 2, column 9: has a key "__proto__"/);
		// JSON.parse decodes the escape and makes an own "__proto__" property all the same.
		expect(problemOf('{\n  "名称": "中文",\n  "\\u005f_proto__": {"polluted": true}\n}')).toMatch(/line 3, column 3: has a key "__proto__"/);
		// As a value it is only text.
		expect(problemOf('{"note": "__proto__"}')).toBeUndefined();
	});

	it('finds a key given twice, escaped or not, after text in Chinese', () => {
		expect(problemOf('{"备注": "第一", "findings": {}, "findings": {}}')).toMatch(/line 1, column 30: "findings" appears twice/);
		expect(problemOf('{"a": "：冒号", "\\u0061": 2}')).toMatch(/"a" appears twice/);
	});

	it('names the line and column of nesting too deep in characters, not bytes', () => {
		const text = `{"说明": "中文字符在前",\n "x": ${'['.repeat(MAX_JSON_DEPTH + 5)}${']'.repeat(MAX_JSON_DEPTH + 5)}}`;
		// The first bracket is the second level: the one past the limit is MAX_JSON_DEPTH further on.
		expect(problemOf(text)).toMatch(new RegExp(`line 2, column ${7 + MAX_JSON_DEPTH - 1}: is nested more than ${MAX_JSON_DEPTH} levels deep`));
	});

	it('counts the same members in the bytes as in the parsed value, whatever the text holds', () => {
		fc.assert(
			fc.property(fc.jsonValue({maxDepth: 6}), fc.boolean(), (value, pretty) => {
				const text = JSON.stringify(value, null, pretty ? 2 : undefined);
				const scan = scanStructure(Buffer.from(text));
				expect(scan.tooDeepAt).toBeUndefined();
				const counted = countMembers(JSON.parse(text));
				expect(scan.members).toBe(counted.members);
				// fast-check's JSON has "__proto__" keys now and then: always refused when there.
				expect(problemOf(text) === undefined).toBe(!counted.proto);
			}),
			{numRuns: 500},
		);
	});
});
