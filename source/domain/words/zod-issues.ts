import type * as z from 'zod';
import {messages, say, verbatim, type Message} from './message.js';
import {issue, type Issue} from '../issues.js';

/**
 * zod's problems in both languages. zod words its own problems in English (its other locales
 * are left out of the bundle, and its Chinese one leaves `string`, `number` in English); the
 * Chinese is made here from the issue's fields, the English is zod's. The schemas' own
 * messages are ours: authored in a table (`schemaText` registers one, `addIssue` carries one)
 * and read back in both languages.
 */
const M = messages('zod', {
	missing: {zh: '缺少此项（应为{expected}）', en: '{english}'},
	wrongType: {zh: '应为{expected}，实为{received}', en: '{english}'},
	oneValue: {zh: '应为 {value}', en: '{english}'},
	oneOf: {zh: '应为以下之一：{values}', en: '{english}'},
	atLeastChars: {zh: '至少应有 {n} 个字符', en: '{english}'},
	atMostChars: {zh: '至多 {n} 个字符', en: '{english}'},
	atLeastItems: {zh: '至少应有 {n} 项', en: '{english}'},
	atMostItems: {zh: '至多 {n} 项', en: '{english}'},
	atLeast: {zh: '不能小于 {n}', en: '{english}'},
	above: {zh: '应大于 {n}', en: '{english}'},
	atMost: {zh: '不能大于 {n}', en: '{english}'},
	below: {zh: '应小于 {n}', en: '{english}'},
	dateTime: {zh: '应为带时区的 ISO 8601 时间，如 2026-11-23T09:30:00Z', en: '{english}'},
	pattern: {zh: '格式不符（应匹配 {pattern}）', en: '{english}'},
	format: {zh: '格式不符', en: '{english}'},
	unknownKeys: {zh: '有未知的键：{keys}', en: '{english}'},
	union: {zh: '不符合任何一种允许的写法', en: '{english}'},
	multipleOf: {zh: '应为 {n} 的倍数', en: '{english}'},
	badKey: {zh: '有无效的键', en: '{english}'},
	badElement: {zh: '有无效的值', en: '{english}'},
	other: {zh: '内容无效', en: '{english}'},
});

const TYPE = messages('zod/types', {
	string: {zh: '字符串', en: 'string'},
	number: {zh: '数字', en: 'number'},
	int: {zh: '整数', en: 'integer'},
	boolean: {zh: '布尔值（true 或 false）', en: 'boolean'},
	object: {zh: '对象（{…}）', en: 'object'},
	array: {zh: '数组（[…]）', en: 'array'},
	null: {zh: 'null', en: 'null'},
	nan: {zh: '非数字（NaN）', en: 'NaN'},
	other: {zh: '其他类型', en: 'another type'},
});

const typeWord = (name: string | undefined): Message => {
	switch (name) {
		case 'string':
		case 'number':
		case 'int':
		case 'boolean':
		case 'object':
		case 'array':
		case 'null':
			return TYPE[name]();
		case 'NaN':
		case 'nan':
			return TYPE.nan();
		case 'record':
		case 'map':
			return TYPE.object();
		case 'tuple':
		case 'set':
			return TYPE.array();
		default:
			return TYPE.other();
	}
};

/** Our schemas' messages by their English words: what zod hands back, read back as ours. */
const KNOWN = new Map<string, Message>();

/** A schema's own message (`.min(1, schemaText(S.needsChinese()))`): its English for zod, both languages for us. */
export function schemaText(message: Message): string {
	const english = say('en', message);
	KNOWN.set(english, message);
	return english;
}

/** A problem a schema's refinement finds, with its message in both languages. */
export function addIssue(ctx: {addIssue: (issue: {code: 'custom'; path: PropertyKey[]; message: string; params: {said: Message}}) => void}, path: PropertyKey[], said: Message): void {
	ctx.addIssue({code: 'custom', path, message: say('en', said), params: {said}});
}

type AnyIssue = z.core.$ZodIssue & {params?: {said?: Message}; message: string};

/** One of zod's issues as a message in both languages. */
export function zodIssueMessage(raw: z.core.$ZodIssue): Message {
	const i = raw as AnyIssue;
	const english = i.message;
	if (i.code === 'custom' && i.params?.said) return i.params.said;
	const known = KNOWN.get(english);
	if (known) return known;
	switch (i.code) {
		case 'invalid_type': {
			const received = /received (\w+)/.exec(english)?.[1];
			const expected = typeWord(i.expected);
			return received === 'undefined' ? M.missing({expected, english}) : M.wrongType({expected, received: typeWord(received), english});
		}
		case 'invalid_value':
			return i.values.length === 1 ? M.oneValue({value: literal(i.values[0]), english}) : M.oneOf({values: i.values.map(literal), english});
		case 'too_small': {
			const n = Number(i.minimum);
			if (i.origin === 'string') return M.atLeastChars({n, english});
			if (i.origin === 'array' || i.origin === 'set') return M.atLeastItems({n, english});
			return i.inclusive === false ? M.above({n, english}) : M.atLeast({n, english});
		}
		case 'too_big': {
			const n = Number(i.maximum);
			if (i.origin === 'string') return M.atMostChars({n, english});
			if (i.origin === 'array' || i.origin === 'set') return M.atMostItems({n, english});
			return i.inclusive === false ? M.below({n, english}) : M.atMost({n, english});
		}
		case 'invalid_format':
			if (i.format === 'datetime') return M.dateTime({english});
			if (i.format === 'regex' && 'pattern' in i) return M.pattern({pattern: String(i.pattern), english});
			return M.format({english});
		case 'unrecognized_keys':
			return M.unknownKeys({keys: i.keys.map(k => JSON.stringify(k)), english});
		case 'invalid_union':
			return M.union({english});
		case 'not_multiple_of':
			return M.multipleOf({n: Number(i.divisor), english});
		case 'invalid_key':
			return M.badKey({english});
		case 'invalid_element':
			return M.badElement({english});
		default:
			return english ? M.other({english}) : verbatim('');
	}
}

const literal = (value: unknown): string => (typeof value === 'string' ? JSON.stringify(value) : String(value));

/** zod's issues as ours: the JSON path and the message in both languages. */
export function zodIssues(error: z.ZodError): Issue[] {
	return error.issues.map(i =>
		issue(
			i.path.filter((p): p is string | number => typeof p !== 'symbol'),
			zodIssueMessage(i),
		),
	);
}
