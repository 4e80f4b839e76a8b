import {pick, type Lang} from '../domain/text.js';
import type {AppEnv} from './state/app-state.js';
import type {Step, ChangeWhat} from './session/session-state.js';
import type {LockHolder} from '../storage/workspace-lock.js';
import {regionNames} from './state/derive.js';

/** Messages with something in them (a place, a count), in both languages. */

const WHAT: Record<ChangeWhat, {zh: string; en: string}> = {
	value: {zh: '分值', en: 'the value'},
	samples: {zh: '抽查事项', en: 'the sampled items'},
	note: {zh: '备注', en: 'the note'},
	evidence: {zh: '证据', en: 'the evidence'},
	status: {zh: '状态', en: 'the status'},
	settle: {zh: '冲突裁定', en: 'the settlement'},
	region: {zh: '加入地区', en: 'adding the region'},
};

/** "undone: the note of 1.1.1 in 北京市" — what was taken back (or put again), and where. */
export function stepText(env: AppEnv, done: 'undone' | 'redone', step: Step): string {
	const region = regionNames(env).get(step.region) ?? step.region;
	const verb = done === 'undone' ? {zh: '已撤销', en: 'undone'} : {zh: '已重做', en: 'redone'};
	if (step.kind === 'region') return env.lang === 'zh' ? `${verb.zh}：${WHAT.region.zh} ${region}` : `${verb.en}: ${WHAT.region.en} ${region}`;
	const node = env.index.nodes.get(step.indicator);
	const name = node ? `${step.indicator} ${pick(node.node.name, env.lang)}` : step.indicator;
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

export function holderText(lang: Lang, h: LockHolder): string {
	return lang === 'zh' ? `${h.user}@${h.host}（进程 ${h.pid}）正在编辑` : `being edited by ${h.user}@${h.host} (process ${h.pid})`;
}

export function unsavedText(lang: Lang, n: number): string {
	return lang === 'zh' ? `${n} 处改动尚未写入磁盘` : `${n} change${n === 1 ? '' : 's'} not on disk`;
}

export function draftText(lang: Lang, d: {unscored: number; conflicts: number}): string {
	const parts = lang === 'zh' ? [d.unscored ? `${d.unscored} 项未评` : '', d.conflicts ? `${d.conflicts} 处冲突` : ''] : [d.unscored ? `${d.unscored} unscored` : '', d.conflicts ? `${d.conflicts} conflict${d.conflicts === 1 ? '' : 's'}` : ''];
	return parts.filter(Boolean).join(lang === 'zh' ? '，' : ', ');
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

export function unboundKeyText(lang: Lang, key: string): string {
	return lang === 'zh' ? `${key} 在此处无作用（? 查看按键）` : `${key} does nothing here (? lists the keys)`;
}
