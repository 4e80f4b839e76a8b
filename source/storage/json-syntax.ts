/**
 * Finds the offset of the first JSON syntax error in a text, for a message that names the
 * line and column (Node 20's JSON.parse does not always say where). Returns the text's length
 * when the text ends too early, and undefined when the text is valid JSON.
 */
export function findJsonError(text: string): number | undefined {
	let i = 0;
	const n = text.length;
	const ws = () => {
		while (i < n && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
	};
	const fail = (at: number) => {
		throw new SyntaxAt(at);
	};
	const value = (): void => {
		ws();
		if (i >= n) fail(n);
		const c = text[i]!;
		if (c === '{') {
			i++;
			ws();
			if (text[i] === '}') return void i++;
			for (;;) {
				ws();
				if (text[i] !== '"') fail(i >= n ? n : i);
				string();
				ws();
				if (text[i] !== ':') fail(i >= n ? n : i);
				i++;
				value();
				ws();
				if (text[i] === ',') {
					i++;
					continue;
				}
				if (text[i] === '}') return void i++;
				fail(i >= n ? n : i);
			}
		}
		if (c === '[') {
			i++;
			ws();
			if (text[i] === ']') return void i++;
			for (;;) {
				value();
				ws();
				if (text[i] === ',') {
					i++;
					continue;
				}
				if (text[i] === ']') return void i++;
				fail(i >= n ? n : i);
			}
		}
		if (c === '"') return string();
		const literal = /^(true|false|null|-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?)/.exec(text.slice(i, i + 400));
		if (!literal) fail(i);
		i += literal![0].length;
	};
	const string = () => {
		i++;
		while (i < n) {
			const c = text.charCodeAt(i);
			if (c === 0x22) return void i++;
			if (c < 0x20) fail(i);
			if (c === 0x5c) {
				const e = text[i + 1];
				if (e === 'u') {
					if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) fail(i);
					i += 6;
				} else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
				else fail(i >= n - 1 ? n : i);
			} else i++;
		}
		fail(n);
	};
	try {
		value();
		ws();
		if (i < n) fail(i);
		return undefined;
	} catch (error) {
		if (error instanceof SyntaxAt) return error.at;
		throw error;
	}
}

class SyntaxAt {
	constructor(readonly at: number) {}
}

/** `line L, column C` (both from 1) of an offset. */
export function lineColumn(text: string, offset: number): {line: number; column: number} {
	const before = text.slice(0, offset);
	const line = before.split('\n').length;
	return {line, column: offset - before.lastIndexOf('\n')};
}
