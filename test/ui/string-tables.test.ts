import {describe, it, expect} from 'vitest';
import {STRING_TABLE, STATUS_LABEL, PROVENANCE_LABEL} from '../../source/ui/strings.js';
import {BINDINGS} from '../../source/ui/keymap/bindings.js';
import {SECTIONS} from '../../source/ui/keymap/key-table.js';
import {SAMPLE_MARKS} from '../../source/ui/value-text.js';
import {EVIDENCE_KIND} from '../../source/ui/screens/evidence-line.js';
import {SEARCH_KIND} from '../../source/ui/components/search-overlay.js';
import * as messages from '../../source/ui/messages.js';
import * as reviewMessages from '../../source/ui/review-messages.js';
import type {Lang} from '../../source/domain/text.js';
import type {AppEnv} from '../../source/ui/state/app-state.js';
import {index, renderTui, openLeaf, testWorkspace} from '../helpers/render-tui.js';
import {applyChange} from '../../source/domain/workspace/workspace-ops.js';
import {afterEach} from 'vitest';
import {cleanup} from 'ink-testing-library';

afterEach(() => cleanup());
import {loadRegions} from '../../source/storage/load-files.js';

/**
 * Issue 13, "Neither language leaks into the other": Chinese mode showed `[pass]/[fail]`,
 * `derived`, `154 unscored`; English mode showed `是`. Every table of the TUI's words, and every
 * message made from them, is checked here: no Han in English, no English words in Chinese other
 * than key names, codes and units.
 */

const HAN = /\p{Script=Han}/u;
/** What a Chinese string may hold in Latin letters: key names, the program and its options, syntax codes, units. */
const ALLOWED = new Set(['Ctrl', 'Enter', 'Esc', 'Tab', 'Space', 'Alt', 'Shift', 'Del', 'Bksp', 'Home', 'End', 'PgUp', 'PgDn', 'Excel', 'assess', 'export', 'json', 'open', 'review', 'quote', 'url', 'sha256', 'SI']);
const englishWords = (text: string) => (text.match(/[A-Za-z]{2,}/g) ?? []).filter(w => !ALLOWED.has(w));

type Pair = {where: string; zh: string; en: string};
const pairs: Pair[] = [
	...Object.entries(STRING_TABLE).map(([id, s]) => ({where: `strings.${id}`, ...s})),
	...Object.entries(STATUS_LABEL).map(([id, s]) => ({where: `STATUS_LABEL.${id}`, ...s})),
	...Object.entries(PROVENANCE_LABEL).map(([id, s]) => ({where: `PROVENANCE_LABEL.${id}`, ...s})),
	...Object.entries(SAMPLE_MARKS).map(([id, s]) => ({where: `SAMPLE_MARKS.${id}`, ...s})),
	...Object.entries(EVIDENCE_KIND).map(([id, s]) => ({where: `EVIDENCE_KIND.${id}`, ...s})),
	...Object.entries(SEARCH_KIND).map(([id, s]) => ({where: `SEARCH_KIND.${id}`, ...s})),
	...Object.entries(messages.WHAT).map(([id, s]) => ({where: `WHAT.${id}`, ...s})),
	...SECTIONS.map(s => ({where: `section ${s.context}`, ...s.title})),
	...BINDINGS.flatMap(b => [{where: `${b.id}.label`, ...b.label}, ...(b.hint && b.hint !== true ? [{where: `${b.id}.hint`, ...b.hint}] : [])]),
];

/** Every message function, called in both languages with plain arguments (no file text). */
function messagePairs(): Pair[] {
	const env = (lang: Lang) => ({lang, index, regions: loadRegions().regions}) as unknown as AppEnv;
	const holder = {user: 'zhang', host: 'laptop', pid: 42, since: '2026-11-23T08:00:00.000Z', program: 'assess'};
	const step = {kind: 'finding', what: 'note', region: '110000', indicator: index.leaves[0]!.code, before: {}, after: {}} as const;
	const draft = {summary: '', first: [], more: 3};
	const both = (where: string, make: (lang: Lang) => string | string[]) => {
		const out = (lang: Lang) => [make(lang)].flat().join('\n');
		return {where, zh: out('zh'), en: out('en')};
	};
	return [
		both('stepText', lang => messages.stepText(env(lang), 'undone', step)),
		both('mergedText', lang => messages.mergedText(lang, 2, 1)),
		both('saveFailedText', lang => messages.saveFailedText(lang, '')),
		both('refusedText', lang => messages.refusedText(lang, '')),
		both('weightsErrorText', lang => messages.weightsErrorText(lang, '')),
		both('samplePlanErrorText', lang => messages.samplePlanErrorText(lang, '')),
		both('holderText', lang => messages.holderText(lang, holder).replace('zhang@laptop', '')),
		both('unsavedText', lang => messages.unsavedText(lang, 2)),
		both('exportingText', lang => [messages.exportingText(lang, 3, ''), messages.exportingText(lang, 3, undefined)]),
		both('exportNotes', lang => [...messages.exportNotes(lang, draft), ...messages.exportNotes(lang, undefined)]),
		both('exportedText', lang => [messages.exportedText(lang, '', 'x'), messages.exportedText(lang, '', undefined)]),
		both('addRegionQuestion', lang => messages.addRegionQuestion(lang, '', '')),
		both('removeQuestion', lang => messages.removeQuestion(lang, '')),
		both('addedRegionText', lang => messages.addedRegionText(lang, '')),
		both('demotedText', lang => messages.demotedText(lang, '')),
		both('settledText', lang => messages.settledText(env(lang), '110000', index.leaves[0]!.code, 'x')),
		both('settleQuestion', lang => messages.settleQuestion(env(lang), '110000', index.leaves[0]!.code, '', '')),
		both('planQuestion', lang => [messages.planQuestion(lang, '1.1.3', 3, 'search'), messages.planQuestion(lang, '1.1.3', 3, 'stay')]),
		both('unboundKeyText', lang => messages.unboundKeyText(lang, 'x')),
		both('returnedText', lang => [reviewMessages.returnedText(lang, '', ''), reviewMessages.returnedText(lang, '', 'x')]),
		both('reviewedText', lang => [reviewMessages.reviewedText(env(lang), 'accept', '110000', index.leaves[0]!.code, 3), reviewMessages.reviewedText(env(lang), 'return', '110000', index.leaves[0]!.code, 0)]),
		both('alreadyReviewedText', lang => [reviewMessages.alreadyReviewedText(lang, 'accept'), reviewMessages.alreadyReviewedText(lang, 'return')]),
		both('reviewHeaderText', lang => reviewMessages.reviewHeaderText(lang, '', 3)),
		both('incompleteText', lang => reviewMessages.incompleteText(lang, ['unjudged-items', 'short-sample'])),
		both('reviewLineText', lang => [reviewMessages.reviewLineText(lang, {state: 'accepted', by: '', at: '2026-11-24T10:00:00.000Z'}), reviewMessages.reviewLineText(lang, {state: 'returned', by: '', at: '2026-11-24T10:00:00.000Z', note: 'x'})]),
		both('waitingLineText', lang => [reviewMessages.waitingLineText(lang, undefined), reviewMessages.waitingLineText(lang, '')]),
		both('teamTitleText', lang => [reviewMessages.teamTitleText(lang, {assessors: [], regions: [], reviewRequired: true, final: false}), reviewMessages.teamTitleText(lang, {assessors: [], regions: [], reviewRequired: false, final: true})]),
		both('spotCheckText', lang => reviewMessages.spotCheckText(lang, {id: 'x', assessor: '', source: '', at: '', seed: 1, share: 0.1, drawn: 3, rechecked: 2, agreed: 1, disagreed: 1})),
	];
}

/** Indicator names (both languages) and region names (Chinese only) come from files: they are taken out before the check. */
const regionNames = loadRegions().regions.map(r => r.name);
const withoutNames = (text: string) => regionNames.reduce((t, n) => t.split(n).join(''), index.leaves.reduce((t, l) => t.split(l.node.name.zh).join('').split(l.node.name.en ?? '\u0000').join(''), text));

describe('the TUI’s words are in one language at a time (issue 13)', () => {
	it('reads every table (the check works)', () => {
		expect(pairs.length).toBeGreaterThan(200);
		expect(englishWords('Ctrl+S 保存，Enter 换行')).toEqual([]);
		expect(englishWords('已判定 [pass]')).toEqual(['pass']);
	});

	it.each([...pairs, ...messagePairs()].map(p => [p.where, p] as const))('%s', (_where, p) => {
		expect(withoutNames(p.en), `English: ${p.en}`).not.toMatch(HAN);
		expect(englishWords(withoutNames(p.zh)), `Chinese: ${p.zh}`).toEqual([]);
	});
});

describe('what the screens show is in the chosen language (issue 13)', () => {
	const sampled = index.leaves.find(l => l.rule!.type === 'sampled')!;
	const yesno = index.leaves.find(l => l.rule!.type === 'yesno')!;
	const at = '2026-11-23T09:00:00.000Z';
	const ws = () =>
		applyChange(
			applyChange(testWorkspace(), ['110000'], sampled.code, {value: {type: 'sampled', samples: [{item: 'SI-0001', pass: true}, {item: 'SI-0002', pass: false}, {item: 'SI-0003', pass: null}]}, addEvidence: [{kind: 'url', url: 'https://zwfw.example.gov.cn/', seenAt: at, by: '张三'}]}, '张三', at),
			['110000'],
			yesno.code,
			{status: 'na', reason: '本省无此平台'},
			'张三',
			at,
		);

	it('Chinese: sampled items, their counts, evidence and the source in Chinese (it showed [pass]/[fail] and derived)', async () => {
		const tui = await renderTui({workspace: ws(), lang: 'zh', columns: 160, rows: 40});
		await openLeaf(tui, sampled.code);
		const text = await tui.waitFor(t => t.includes('抽查事项: '), 'the sampled leaf');
		for (const leak of ['[pass]', '[fail]', 'derived', 'published', 'not judged', 'n/a', 'url   ']) expect(text, leak).not.toContain(leak);
		expect(text).toContain('[通过]   SI-0001');
		expect(text).toContain('[不通过] SI-0002');
		expect(text).toContain('[未判定] SI-0003');
		expect(text).toContain('已判定 2/10 项（通过 1，不通过 1），未判定 1 项');
		expect(text).toContain('网址 https://zwfw.example.gov.cn/');
		expect(text).toMatch(/来源: (推导|公开发布|官方文件)/);
		await openLeaf(tui, yesno.code);
		expect(await tui.waitFor(t => t.includes('本省无此平台'))).toMatch(/得分: 不适用/);
	});

	it('English: a yes/no value and an export message in English (they showed 是 and 项未评)', async () => {
		const tui = await renderTui({columns: 140, rows: 40});
		await openLeaf(tui, yesno.code);
		await tui.act('yes');
		const text = await tui.waitFor(t => t.includes('Value: yes'));
		expect(text.split('\n').find(l => l.includes('Value: '))).not.toMatch(HAN);
		expect(text.split('\n').find(l => l.includes('Rule: '))).toMatch(/Rule: yes or no \(y or 1 is yes, 0 is no\)$/);
		await tui.act('export', 'fieldSubmit');
		const flash = await tui.waitFor(t => t.includes('exported '));
		expect(flash.split('\n').find(l => l.includes('exported '))).not.toMatch(HAN);
	});
});
