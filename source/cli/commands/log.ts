import type {Command} from '../command.js';
import {stringOption, usageError, displayPath, pathArg} from '../command.js';
import {messages, words, say, type Message} from '../../domain/words/message.js';
import {pick} from '../../domain/text.js';
import {logProblemWords} from '../../domain/audit/change-log-words.js';
import {readWorkspace, realWorkspacePath} from '../../storage/workspace-store.js';
import {ValidationCache} from '../../storage/validation-cache.js';
import {auditTrailOf} from '../../storage/change-log.js';
import {describeChange} from '../../domain/audit/describe-change.js';
import {isoWithOffset} from '../../domain/export/times.js';
import {localZone} from '../../export/run-export.js';
import {resolveRegions} from '../region-args.js';
import {resolveLeaves} from '../indicator-args.js';
import {renderTable} from '../table.js';

/** Every word `assess log` says, in one place. */
const M = messages('cli/log', {
	limit: {zh: '--limit 应为大于 0 的整数（而不是 "{value}"）', en: '--limit must be a whole number above 0 (not "{value}")'},
	oneRegion: {zh: '请给出一个地区（代码或名称）来查看它的变更', en: 'give one region (a code or a name) to see its changes'},
	none: {zh: '这里没有记录任何变更。', en: 'No changes recorded here.'},
	shown: {zh: '（{total} 条中的最后 {shown} 条；--limit 可改变条数，--json 给出全部）', en: '(the last {shown} of {total}; --limit changes how many, --json gives all)'},
	recovered: {zh: '注意：有 {n} 条变更不在 {log} 中（保存在写入变更记录之前被中断，或文件由旧版程序或手工写成）：已从评估结论的历史中恢复，标为“恢复”', en: 'note: {n} {n|change is|changes are} not in {log} (a save interrupted before its log entry, a file written by an older program or by hand): recovered from the findings\' histories, marked "recovered"'},
	problem: {zh: '警告：{log}：第 {line} 行：{problem}；已跳过', en: 'warning: {log}: line {line}: {problem}; skipped'},
});

const H = words('cli/log/headers', {
	when: {zh: '时间', en: 'when'},
	who: {zh: '人员', en: 'who'},
	region: {zh: '地区', en: 'region'},
	indicator: {zh: '评估指标', en: 'indicator'},
	change: {zh: '变更项', en: 'change'},
	from: {zh: '原值', en: 'from'},
	to: {zh: '新值', en: 'to'},
	merge: {zh: '合并', en: 'merge'},
	undo: {zh: '撤销', en: 'undo'},
	history: {zh: '恢复', en: 'recovered'},
});

/** Lines printed without --limit: a whole season's log is long; --json gives all. */
const DEFAULT_LIMIT = 200;

export const logCommand: Command = {
	name: 'log',
	usage: {zh: 'assess log <工作区> [<地区> [<评估指标>]] [--limit <n>] [--json] [--lang zh|en]', en: 'assess log <workspace> [<region> [<indicator>]] [--limit <n>] [--json] [--lang zh|en]'},
	summary: {zh: '评估结论的每一次变更：谁、何时、原值和新值（变更记录）', en: 'every change to the findings: who, when, from and to (the audit trail)'},
	help: {
		zh: `按时间先后输出工作区的变更记录：每条评估结论的每一次变更——分值、抽查事项、状态（已提交 = 完成）、
原因、备注、证据、审核——以及冲突、裁定、合并、审核规则的改动和抽样复查，每条都有改动人、时间、
原值和新值。

变更记录保存在工作区旁的 <工作区>.changes.jsonl 中，每行一条变更，每次保存（本程序、终端界面、
assess record、review、merge）都会追加。请与工作区一起提交；在 git 中，把它标为按行合并：
\`echo '*.changes.jsonl merge=union' >> .gitattributes\`（assess merge 会自行合并各输入的变更记录）。
变更记录中缺少的变更（保存在写入变更记录之前被中断，或文件由旧版程序或手工写成）会从每条评估结论
保留的版本中恢复，并标为“恢复”。

  <地区>          只看这个地区（代码或名称）
  <评估指标>      只看这个评估指标（一个末级指标，或末级指标以上的编码）
  --limit <n>     最后 n 条变更（默认 ${DEFAULT_LIMIT}）
  --json          以 JSON 在标准输出上输出每一条变更：{workspace, log, entries, problems}
  --lang zh|en    输出语言（默认随系统区域设置）

示例：
  assess log team.json
  assess log team.json 北京 1.4.3`,
		en: `Prints the audit trail of a workspace, oldest first: every change to every finding — value,
sampled item, status (submitted = done), reason, note, evidence, review — and conflicts,
settlements, merges, review policy changes and spot checks, each with who made it, when, what
it was before and what it became.

The trail is kept in <workspace>.changes.jsonl beside the workspace, one change a line, added
to by every save (the program, the TUI, assess record, review, merge). Commit it with the
workspace; in git, mark it to be united line by line: echo '*.changes.jsonl merge=union' >>
.gitattributes (assess merge unites its inputs' logs itself). Changes the log lacks (a save
interrupted before its log entry, a file written by an older version or by hand) are recovered
from the versions each finding keeps, and marked "recovered".

  <region>      only this region (a code or a name)
  <indicator>   only this indicator (a leaf, or a code above leaves)
  --limit <n>   the last n changes (default ${DEFAULT_LIMIT})
  --json        every change as JSON on stdout: {workspace, log, entries, problems}
  --lang zh|en  the language (default: from the locale)

Examples:
  assess log team.json
  assess log team.json 北京 1.4.3`,
	},
	options: {limit: {type: 'string'}, json: {type: 'boolean'}},
	positionals: {min: 1, max: 3},
	async run(args, io) {
		const [wsArg, regionArg, indicatorArg] = args.positionals as [string, string | undefined, string | undefined];
		const t = (m: Message) => say(io.lang, m);
		const h = (key: keyof typeof H) => H[key][io.lang];
		const limitText = stringOption(args, 'limit');
		const limit = limitText === undefined ? DEFAULT_LIMIT : Number(limitText);
		if (!Number.isInteger(limit) || limit < 1) throw usageError(logCommand, M.limit({value: limitText!}));
		const file = pathArg(io, wsArg);
		const {data, context} = await readWorkspace(file, {validationCache: ValidationCache.fromEnvironment(io.env)});
		const index = context.system.index;
		const region = regionArg === undefined ? undefined : resolveRegions(regionArg, context.regions.regions, data.regions, wsArg);
		if (region && region.length !== 1) throw usageError(logCommand, M.oneRegion());
		const leaves = indicatorArg === undefined ? undefined : new Set(resolveLeaves(index, indicatorArg, wsArg));
		const trail = auditTrailOf(realWorkspacePath(file), data);
		const log = displayPath(io.cwd, trail.file);
		for (const p of trail.problems) io.err(t(M.problem({log, line: p.line, problem: logProblemWords(p.problem)})));
		const entries = trail.entries.filter(e => (!region || e.region === region[0]) && (!leaves || (e.indicator !== undefined && leaves.has(e.indicator))));
		const recovered = entries.filter(e => e.via === 'history').length;
		if (args.values.json) {
			io.out(JSON.stringify({workspace: displayPath(io.cwd, file), log, entries, problems: trail.problems}, null, 2));
			return 0;
		}
		if (entries.length === 0) {
			io.err(t(M.none()));
			return 0;
		}
		const names = new Map(context.regions.regions.map(r => [r.code, r.name]));
		const shown = entries.slice(-limit);
		io.out(
			renderTable(
				[h('when'), h('who'), h('region'), h('indicator'), h('change'), h('from'), h('to'), ''].map(header => ({header})),
				shown.map(e => {
					const d = describeChange(e, index, io.lang);
					const node = e.indicator ? index.nodes.get(e.indicator) : undefined;
					return [isoWithOffset(e.at, localZone), e.by || '—', e.region ? `${e.region} ${names.get(e.region) ?? ''}`.trim() : '', e.indicator ? `${e.indicator} ${node ? pick(node.node.name, io.lang) : ''}`.trim() : '', d.what, clip(d.from), clip(d.to), e.via ? h(e.via) : ''];
				}),
			),
		);
		if (shown.length < entries.length) io.err(t(M.shown({shown: shown.length, total: entries.length})));
		if (recovered) io.err(t(M.recovered({n: recovered, log})));
		return 0;
	},
};

/** Long text in a table cell: its start (the whole is in --json and the log). */
function clip(text: string, max = 80): string {
	const one = text.replace(/\s+/g, ' ');
	return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}
