import type {Command, Parsed} from '../command.js';
import {stringOption, listOption, usageError, pathArg} from '../command.js';
import {messages, words, say, type Message} from '../../domain/words/message.js';
import type {Lang} from '../../domain/text.js';
import {COMMON} from '../common-words.js';
import {OpenWorkspace, readWorkspace} from '../../storage/workspace-store.js';
import {ValidationCache} from '../../storage/validation-cache.js';
import {UserError} from '../../storage/user-error.js';
import type {PolicyChange} from '../../domain/workspace/workspace-schema.js';
import type {Region} from '../../domain/regions/region-schema.js';
import {changeReviewPolicy, reviewPolicyOf, orderedChanges, describePolicyChange, policyChangeWords, type ReviewPolicy} from '../../domain/review/review-policy.js';
import {resolveRegions} from '../region-args.js';
import {lockWait} from '../lock-wait.js';
import {renderTable} from '../table.js';

/** Every word `assess review-policy` says, in one place. */
const M = messages('cli/review-policy', {
	review: {zh: '--review 应为 "required" 或 "optional"（而不是 "{value}"）', en: '--review must be required or optional (not "{value}")'},
	selfReview: {zh: '--self-review 应为 "allowed" 或 "refused"（而不是 "{value}"）', en: '--self-review must be allowed or refused (not "{value}")'},
	reviewer: {zh: '--reviewer "{value}" 应写作 <姓名>=<地区>，如 王五=110000,310000（姓名为空，如 =110000，则取消指派）', en: '--reviewer "{value}" should be <name>=<regions>, like wang=110000,310000 (an empty name, =110000, removes the assignment)'},
	byWhy: {zh: '审核规则的每次改动都要记录是谁改的', en: 'a change of the policy records who made it'},
	unchanged: {zh: '审核规则本来就是这样；未作任何改动。', en: 'The policy already says so; nothing was changed.'},
	changed: {zh: '审核规则已修改：{what}。', en: 'Review policy changed: {what}.'},
	currentRequired: {zh: '须经审核：每条评估结论都通过审核后结果才是正式的；{self}。', en: 'Review required: final needs every finding accepted; self-review {self}.'},
	currentOptional: {zh: '无须审核；{self}。', en: 'Review not required; self-review {self}.'},
	selfAllowed: {zh: '允许自审', en: 'allowed'},
	selfRefused: {zh: '不允许自审', en: 'refused'},
	reviewers: {zh: '各地区的审核人：', en: 'Reviewers by region:'},
	noReviewers: {zh: '未指派审核人。', en: 'No reviewers assigned.'},
	history: {zh: '改动记录：', en: 'Changes:'},
	noHistory: {zh: '没有改动记录（无须审核）。', en: 'No change recorded (review is not required).'},
});

const H = words('cli/review-policy/headers', {
	region: {zh: '地区', en: 'region'},
	reviewer: {zh: '审核人', en: 'reviewer'},
	when: {zh: '时间', en: 'when'},
	who: {zh: '人员', en: 'who'},
	change: {zh: '改动', en: 'change'},
});

/** The change the options ask for, or undefined when they ask for none (then the policy is shown). */
export function policyChangeFrom(args: Parsed, known: readonly Region[], allowed: readonly string[], usage: (problem: Message) => UserError): Omit<PolicyChange, 'by' | 'at'> | undefined {
	const change: Omit<PolicyChange, 'by' | 'at'> = {};
	const review = stringOption(args, 'review');
	if (review !== undefined) {
		if (review !== 'required' && review !== 'optional') throw usage(M.review({value: review}));
		change.reviewRequired = review === 'required';
	}
	const self = stringOption(args, 'self-review');
	if (self !== undefined) {
		if (self !== 'allowed' && self !== 'refused') throw usage(M.selfReview({value: self}));
		change.selfReview = self === 'allowed';
	}
	const reviewers: Record<string, string> = {};
	for (const spec of listOption(args, 'reviewer')) {
		const at = spec.search(/[=＝]/);
		if (at < 0) throw usage(M.reviewer({value: spec}));
		const name = spec.slice(0, at).trim();
		for (const region of resolveRegions(spec.slice(at + 1), known, allowed, '--reviewer')) reviewers[region] = name;
	}
	if (Object.keys(reviewers).length) change.reviewers = reviewers;
	const note = stringOption(args, 'note')?.trim();
	if (Object.keys(change).length === 0) return undefined;
	if (note) change.note = note;
	return change;
}

export const reviewPolicyCommand: Command = {
	name: 'review-policy',
	usage: {
		zh: 'assess review-policy <工作区> [--review required|optional] [--self-review allowed|refused] [--reviewer <姓名>=<地区>]... [--note <文字>] --by <姓名> [--lang zh|en]',
		en: 'assess review-policy <workspace> [--review required|optional] [--self-review allowed|refused] [--reviewer <name>=<regions>]... [--note <text>] --by <name> [--lang zh|en]',
	},
	summary: {zh: '是否须经审核才算正式、是否允许自审、各地区的审核人（每次改动都有记录）', en: 'whether final needs every finding accepted, self-review, reviewers by region (each change recorded)'},
	help: {
		zh: `查看或修改工作区的审核规则。每次改动都记录在工作区中（谁、何时、改了什么、为什么），也记入
其变更记录；现行规则是按时间顺序应用全部改动的结果，因此之后合并的文件会保留每次改动，并得到
同样的结果。

  --review required|optional   "required"：每条评估结论（已提交的，或不适用的）都通过审核后，
                               结果才是正式的
  --self-review allowed|refused   审核人能否审核自己记录的评估结论？（默认："refused"，不能）
  --reviewer <姓名>=<地区>     为地区指派审核人（地区代码或名称；"all" 为全部）；可重复给出；
                               姓名为空（=110000）则取消指派。导出时按审核人列出仍在等待的
                               评估结论；审核人自己负责的地区排在其待审队列的前面
  --note <文字>                原因（随改动一起保存）
  --by <姓名>                  修改人（必填）
  --lang zh|en                 输出语言（默认随系统区域设置）

不带选项时：显示审核规则、审核人和每一次记录在案的改动。

示例：
  assess review-policy team.json --review required --reviewer 王五=北京,天津 --reviewer 赵六=上海 --by 组长
  assess review-policy team.json`,
		en: `Shows or changes a workspace's review policy. Every change is recorded in the workspace
(who, when, what, why) and in its change log; the policy in force is the changes applied in
time order, so files merged later keep every change and agree on the result.

  --review required|optional   required: a result is final only when every finding (submitted,
                               or not applicable) is accepted by a reviewer
  --self-review allowed|refused   may a reviewer review findings they recorded? (default: refused)
  --reviewer <name>=<regions>  assigns a reviewer to regions (codes or names; all); repeatable;
                               an empty name (=110000) removes the assignment. Export lists the
                               findings still waiting by reviewer; a reviewer's own regions come
                               first in their queue
  --note <text>                why (kept with the change)
  --by <name>                  who changes it (required)
  --lang zh|en                 the language (default: from the locale)

Without options: prints the policy, the reviewers and every recorded change.

Examples:
  assess review-policy team.json --review required --reviewer 王五=北京,天津 --reviewer 赵六=上海 --by 组长
  assess review-policy team.json`,
	},
	options: {review: {type: 'string'}, 'self-review': {type: 'string'}, reviewer: {type: 'string', multiple: true}, note: {type: 'string'}, by: {type: 'string'}},
	positionals: {min: 1, max: 1},
	async run(args, io) {
		const wsArg = args.positionals[0]!;
		const file = pathArg(io, wsArg);
		const usage = (problem: Message) => usageError(reviewPolicyCommand, problem);
		const t = (m: Message) => say(io.lang, m);
		const wantsChange = ['review', 'self-review', 'reviewer'].some(k => args.values[k] !== undefined);
		if (!wantsChange) {
			const {data, context} = await readWorkspace(file, {validationCache: ValidationCache.fromEnvironment(io.env)});
			io.out(describePolicy(data.reviewPolicy?.changes ?? [], reviewPolicyOf(data), context.regions.regions, io.lang));
			return 0;
		}
		const by = stringOption(args, 'by')?.trim();
		if (!by) throw usage(COMMON.byRequired({why: M.byWhy()}));
		const ws = await OpenWorkspace.open(file, {write: true, waitMs: lockWait(io.env), validationCache: ValidationCache.fromEnvironment(io.env), actor: by});
		try {
			const change = policyChangeFrom(args, ws.context.regions.regions, ws.data.regions, usage)!;
			const next = changeReviewPolicy(ws.data, change, by, new Date().toISOString());
			if (next === ws.data) {
				io.err(t(M.unchanged()));
				return 0;
			}
			const report = await ws.save(next);
			for (const warning of ws.warnings) io.err(t(COMMON.warning({text: warning})));
			if (report.merged) io.err(t(COMMON.mergedMeanwhile({file: wsArg})));
			io.err(t(M.changed({what: policyChangeWords(change)})));
			io.err(t(currentPolicy(reviewPolicyOf(ws.data))));
			return 0;
		} finally {
			await ws.close();
		}
	},
};

const currentPolicy = (p: ReviewPolicy): Message => {
	const self = p.selfReview ? M.selfAllowed() : M.selfRefused();
	return p.reviewRequired ? M.currentRequired({self}) : M.currentOptional({self});
};

function describePolicy(changes: readonly PolicyChange[], policy: ReviewPolicy, regions: readonly Region[], lang: Lang): string {
	const t = (m: Message) => say(lang, m);
	const h = (key: keyof typeof H) => H[key][lang];
	const names = new Map(regions.map(r => [r.code, r.name]));
	const assigned = Object.entries(policy.reviewers);
	const lines = [t(currentPolicy(policy))];
	lines.push('', t(assigned.length ? M.reviewers() : M.noReviewers()));
	if (assigned.length) lines.push(renderTable([{header: h('region')}, {header: h('reviewer')}], assigned.map(([code, name]) => [`${code} ${names.get(code) ?? ''}`.trim(), name])));
	lines.push('', t(changes.length ? M.history() : M.noHistory()));
	if (changes.length) lines.push(renderTable([{header: h('when')}, {header: h('who')}, {header: h('change')}], orderedChanges(changes).map(c => [c.at, c.by, describePolicyChange(c, lang)])));
	return lines.join('\n');
}
