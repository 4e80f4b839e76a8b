import {messages, recognise, verbatim, type Message} from '../words/message.js';

/**
 * Why a line of a change log is not a change, in both languages. The log's reader
 * (storage/change-log.ts, checkChangeEntry) says it in English, as data of its results; these
 * are the same words, recognised by their English (`logProblemWords`).
 */
const PROBLEMS = {
	notJson: {zh: '不是 JSON 行', en: 'not a JSON line'},
	notChange: {zh: '不是一条变更：{why}', en: 'not a change: {why}'},
	cutOff: {zh: '{problem}（被截断：保存时被中断了？）', en: '{problem} (cut off: a save that was interrupted?)'},
	object: {zh: '一条变更应为 JSON 对象', en: 'a change is a JSON object'},
	unknownField: {zh: '未知的字段 "{key}"', en: 'unknown field "{key}"'},
	hex: {zh: '"{key}" 应为 16 位十六进制数字', en: '"{key}" should be 16 hexadecimal digits'},
	at: {zh: '"at" 应为带时区的 ISO 8601 时间', en: '"at" should be an ISO 8601 time with a zone'},
	by: {zh: '"by" 应为一个姓名', en: '"by" should be a name'},
	field: {zh: '"field" 应为以下之一：{fields}', en: '"field" should be one of {fields}'},
	text: {zh: '"{key}" 应为文本', en: '"{key}" should be text'},
	via: {zh: '"via" 应为 "merge" 或 "undo"', en: '"via" should be merge or undo'},
	fromTo: {zh: '一条变更应有 "from" 和 "to"', en: 'a change has "from" and "to"'},
	region: {zh: '对评估结论的变更应写明地区', en: 'a change of a finding names its region'},
	noRegion: {zh: '对整个工作区的变更不写地区', en: 'a workspace-wide change names no region'},
} as const;
const L = messages('domain/change-log-problems', {
	...PROBLEMS,
	line: {zh: '变更记录第 {line} 行：{problem}', en: 'change log line {line}: {problem}'},
});
const ENTRIES = Object.values(PROBLEMS);

/** A log line's problem (English, as the log's reader gives it) in both languages. */
export const logProblemWords = (english: string): Message => recognise(english, ENTRIES) ?? verbatim(english);

/** `change log line 12: not a JSON line` */
export const logLineWords = (line: number, english: string): Message => L.line({line, problem: logProblemWords(english)});
