import type {Lang} from '../domain/text.js';
import {holderName, nodeName} from './display.js';
import type {AppEnv} from './state/app-state.js';
import type {Step, ChangeWhat} from './session/session-state.js';
import type {LockHolder} from '../storage/workspace-lock.js';
import {regionNames} from './state/derive.js';

/** Messages with something in them (a place, a count), in both languages. */

export const WHAT: Record<ChangeWhat, {zh: string; en: string}> = {
	value: {zh: '分值', en: 'the value'},
	samples: {zh: '抽查事项', en: 'the sampled items'},
	note: {zh: '备注', en: 'the note'},
	evidence: {zh: '证据', en: 'the evidence'},
	status: {zh: '状态', en: 'the status'},
	settle: {zh: '冲突裁定', en: 'the settlement'},
	region: {zh: '加入地区', en: 'adding the region'},
	review: {zh: '审核', en: 'the review'},
};

/** "undone: the note of 1.1.1 in 北京市" — what was taken back (or put again), and where. */
export function stepText(env: AppEnv, done: 'undone' | 'redone', step: Step): string {
	const region = regionNames(env).get(step.region) ?? step.region;
	const verb = done === 'undone' ? {zh: '已撤销', en: 'undone'} : {zh: '已重做', en: 'redone'};
	if (step.kind === 'region') return env.lang === 'zh' ? `${verb.zh}：${WHAT.region.zh} ${region}` : `${verb.en}: ${WHAT.region.en} ${region}`;
	const node = env.index.nodes.get(step.indicator);
	const name = node ? `${step.indicator} ${nodeName(env.index, step.indicator, env.lang)}` : step.indicator;
	return env.lang === 'zh' ? `${verb.zh}：${region} ${name} 的${WHAT[step.what].zh}` : `${verb.en}: ${WHAT[step.what].en} of ${name} in ${region}`;
}

export function mergedText(lang: Lang, fromDisk: number, conflicts: number): string {
	if (lang === 'zh') return `文件已被其他程序修改：已合并其中 ${fromDisk} 条结论${conflicts ? `，新增 ${conflicts} 处冲突（c 查看）` : ''}`;
	return `the file was changed by another program: ${fromDisk} finding${fromDisk === 1 ? '' : 's'} taken from it${conflicts ? `, ${conflicts} new conflict${conflicts === 1 ? '' : 's'} (c)` : ''}`;
}

export function saveFailedText(lang: Lang, problem: string): string {
	return lang === 'zh' ? `未保存：${problem}（下一次保存成功前会一直显示）` : `NOT SAVED: ${problem} (shown until a save succeeds)`;
}

export function refusedText(lang: Lang, problem: string): string {
	return lang === 'zh' ? `文件拒绝了上一处改动，已撤回：${problem}` : `the file refused the last change, so it was taken back: ${problem}`;
}

export function weightsErrorText(lang: Lang, problem: string): string {
	return lang === 'zh' ? `权重文件有误，仍使用上次有效的权重（错误：${problem}）` : `using the last good weights (error: ${problem})`;
}

export function samplePlanErrorText(lang: Lang, problem: string): string {
	return lang === 'zh' ? `抽查计划无法读取，未用它预填（错误：${problem}）` : `the sample plan cannot be read, so nothing is pre-filled from it (error: ${problem})`;
}

export function holderText(lang: Lang, holder: LockHolder): string {
	const h = {...holder, ...holderName(holder)};
	return lang === 'zh' ? `${h.user}@${h.host}（进程 ${h.pid}）正在编辑` : `being edited by ${h.user}@${h.host} (process ${h.pid})`;
}

export function unsavedText(lang: Lang, n: number): string {
	return lang === 'zh' ? `${n} 处改动尚未写入磁盘` : `${n} change${n === 1 ? '' : 's'} not on disk`;
}

/** "exporting 3 regions (a DRAFT: 154 unscored, 2 draft)". `draft`: what keeps it from being final. */
export function exportingText(lang: Lang, regions: number, draft: string | undefined): string {
	if (lang === 'zh') return `正在导出 ${regions} 个地区${draft ? `（草稿：${draft}）` : '（正式结果）'}`;
	return `exporting ${regions} region${regions === 1 ? '' : 's'}${draft ? ` (a DRAFT: ${draft})` : ' (final)'}`;
}

/** What the export prompt says before the file is chosen: final, or a draft and its first blockers. */
export function exportNotes(lang: Lang, draft: {summary: string; first: readonly string[]; more: number} | undefined): string[] {
	if (!draft) return [lang === 'zh' ? '正式结果：没有未完成项' : 'a final result: nothing blocks it'];
	const head = lang === 'zh' ? `将导出为草稿（工作簿中注明），因为：${draft.summary}` : `this will be a DRAFT (the workbook says so): ${draft.summary}`;
	const more = draft.more > 0 ? [lang === 'zh' ? `  另有 ${draft.more} 项（assess export --json 列出全部）` : `  and ${draft.more} more (assess export --json lists them all)`] : [];
	return [head, ...draft.first.map(l => `  ${l}`), ...more];
}

export function exportedText(lang: Lang, file: string, draft: string | undefined): string {
	if (lang === 'zh') return `已导出 ${file}${draft ? '（草稿，工作簿中已注明）' : '（正式结果）'}`;
	return `exported ${file}${draft ? ' (a draft, and the workbook says so)' : ' (final)'}`;
}

export function addRegionQuestion(lang: Lang, name: string, code: string): string {
	return lang === 'zh' ? `${name}（${code}）不在本工作区。加入本工作区的地区？y 加入（可撤销），n 不加` : `${name} (${code}) is not in this workspace. Add it to the workspace's regions? y adds (undo takes it back), n does not`;
}

export function removeQuestion(lang: Lang, what: string): string {
	return lang === 'zh' ? `删除 ${what}？y 删除（可撤销），n 保留` : `Remove ${what}? y removes (undo brings it back), n keeps it`;
}

export function addedRegionText(lang: Lang, name: string): string {
	return lang === 'zh' ? `已将 ${name} 加入本工作区（u 撤销）` : `${name} added to this workspace (u takes it back)`;
}

/** A done leaf whose new value cannot be done (an item not judged yet) went back to draft. */
export function demotedText(lang: Lang, why: string): string {
	return lang === 'zh' ? `已改回草稿：${why}` : `back to draft: ${why}`;
}

/** "settled 1.1.1 统一身份认证 in 北京市 (why: …)". */
export function settledText(env: AppEnv, region: string, indicator: string, why: string): string {
	const name = `${indicator} ${nodeName(env.index, indicator, env.lang)}`;
	const where = regionNames(env).get(region) ?? region;
	if (env.lang === 'zh') return `已裁定 ${where} ${name}${why ? `（理由：${why}）` : ''}`;
	return `settled ${name} in ${where}${why ? ` (why: ${why})` : ''}`;
}

/** The question before a value typed on a leaf in conflict settles it. */
export function settleQuestion(env: AppEnv, region: string, indicator: string, candidates: string, value: string): string {
	const name = `${indicator} ${nodeName(env.index, indicator, env.lang)}`;
	const where = regionNames(env).get(region) ?? region;
	if (env.lang === 'zh') return `${where} ${name} 有冲突（${candidates}）。以「${value}」裁定？y 裁定（接着可填理由），n 不裁定`;
	return `${name} in ${where} is in conflict (${candidates}). Settle it with ${value}? y settles (a reason is asked next, optional), n leaves it open`;
}

/** The question before the sample plan's items fill an empty sampled leaf. */
export function planQuestion(lang: Lang, indicator: string, items: number, then: 'search' | 'stay'): string {
	if (lang === 'zh') return `抽查计划为 ${indicator} 列出 ${items} 个事项。按计划顺序加入（未判定）？y 加入（u 可撤销），n ${then === 'search' ? '改为从目录中搜索' : '暂不加入'}`;
	return `The sample plan lists ${items} item${items === 1 ? '' : 's'} for ${indicator}. Add them in its order, not yet judged? y adds them (u takes them back), n ${then === 'search' ? 'searches the catalog instead' : 'leaves the leaf as it is'}`;
}

export function unboundKeyText(lang: Lang, key: string): string {
	return lang === 'zh' ? `${key} 在此处无作用（? 查看按键）` : `${key} does nothing here (? lists the keys)`;
}
