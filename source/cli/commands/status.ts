import {randomUUID} from 'node:crypto';
import {readdirSync, statSync} from 'node:fs';
import {basename, join, resolve} from 'node:path';
import type {Command} from '../command.js';
import {displayPath, pathArg} from '../command.js';
import {messages, words, say, list, type Message} from '../../domain/words/message.js';
import {COMMON} from '../common-words.js';
import {readWorkspace, type FindingCache} from '../../storage/workspace-store.js';
import {KnownFindings} from '../../storage/finding-bytes.js';
import {ValidationCache} from '../../storage/validation-cache.js';
import {UserError} from '../../storage/user-error.js';
import {fsProblem} from '../../storage/fs-errors.js';
import {mergeWorkspaces} from '../../domain/merge/merge-workspaces.js';
import {teamStatus, type StatusCounts} from '../../domain/team/team-status.js';
import {finalityOf, blockerSummaryWords} from '../../domain/workspace/finality.js';
import {isoWithOffset} from '../../domain/export/times.js';
import {localZone} from '../../export/run-export.js';
import {renderTable} from '../table.js';
import {WORKSPACE_KIND, type Workspace} from '../../domain/workspace/workspace-schema.js';
import {readJsonFile} from '../../storage/read-json-file.js';

/** Every word `assess status` says, in one place. */
const M = messages('cli/status', {
	noWorkspaces: {zh: '{dir} 中没有工作区文件（*.json）', en: '{dir} holds no workspace files (*.json)'},
	skipped: {zh: '注意：{file} 不是工作区；已跳过', en: 'note: {file} is not a workspace; skipped'},
	headingOne: {zh: '1 个工作区：{system}，{regions} 个地区', en: '1 workspace: {system}, {regions} {regions|region|regions}'},
	headingMany: {zh: '{files} 个工作区，在此合并查看（未写入任何内容）：{system}，{regions} 个地区', en: '{files} workspaces, merged here (nothing written): {system}, {regions} {regions|region|regions}'},
	reviewRequired: {zh: '须经审核：每条评估结论都通过审核后结果才是正式的', en: 'review required: final needs every finding accepted'},
	reviewOptional: {zh: '无须审核', en: 'review not required'},
	final: {zh: '正式', en: 'final'},
	notFinal: {zh: '尚未完成（{why}）', en: 'not final ({why})'},
	line: {zh: '{heading}；{review}；{final}。', en: '{heading}; {review}; {final}.'},
	assessors: {zh: '评估人（两位评估人一致的评估结论对两人都计数）：', en: 'Assessors (a finding two assessors agreed on counts for both):'},
	regions: {zh: '地区：', en: 'Regions:'},
	reviewers: {zh: '审核人：', en: 'Reviewers:'},
	spotChecks: {zh: '抽样复查：', en: 'Spot checks:'},
	notFound: {zh: '不存在', en: 'does not exist'},
});

const H = words('cli/status/headers', {
	assessor: {zh: '评估人', en: 'assessor'},
	region: {zh: '地区', en: 'region'},
	leaves: {zh: '末级指标', en: 'leaves'},
	scored: {zh: '已评', en: 'scored'},
	submitted: {zh: '已提交', en: 'submitted'},
	waiting: {zh: '待审核', en: 'waiting'},
	accepted: {zh: '已通过', en: 'accepted'},
	returned: {zh: '已退回', en: 'returned'},
	conflicts: {zh: '冲突', en: 'conflicts'},
	reviewer: {zh: '审核人', en: 'reviewer'},
	final: {zh: '正式', en: 'final'},
	last: {zh: '最后改动', en: 'last change'},
	yes: {zh: '是', en: 'yes'},
	no: {zh: '否', en: 'no'},
	regions: {zh: '地区', en: 'regions'},
	lastReview: {zh: '最后审核', en: 'last review'},
	drawn: {zh: '抽取时间', en: 'drawn'},
	from: {zh: '来源', en: 'from'},
	for: {zh: '复查人', en: 'for'},
	shareSeed: {zh: '比例 · 种子', en: 'share · seed'},
	drawnLeaves: {zh: '末级指标', en: 'leaves'},
	rechecked: {zh: '已复查', en: 're-checked'},
	agree: {zh: '一致', en: 'agree'},
	disagree: {zh: '不一致', en: 'disagree'},
	notCompared: {zh: '未比较', en: 'not compared'},
});

const COUNTS = ['scored', 'submitted', 'waiting', 'accepted', 'returned', 'conflicts'] as const;

export const statusCommand: Command = {
	name: 'status',
	usage: {zh: 'assess status <工作区|文件夹>... [--json] [--lang zh|en]', en: 'assess status <workspace|folder>... [--json] [--lang zh|en]'},
	summary: {zh: '团队的进度，按评估人和地区：已评、已提交、已通过、已退回、冲突、最后改动', en: 'the team\'s progress per assessor and per region: scored, submitted, accepted, returned, conflicts, last change'},
	help: {
		zh: `供组长查看团队的进度：针对一个（合并后的）工作区，或几位评估人的文件（逐个列出，或给出存放它们的
文件夹：其中每个 *.json 工作区），在内存中合并后查看（不写入任何内容）。

每位评估人（每个记录过评估结论的人；两位评估人一致的评估结论对两人都计数）：已评的末级指标（有分值
或不适用）、已提交（完成或不适用）、待审核、已通过、已退回、其版本所在的未裁定冲突，以及最后改动
（记录的一个版本，或作出的一次审核）。每个地区：同样的各项、末级指标数、指派的审核人、是否为正式
结果。每位审核人：指派的地区、已通过、已退回、其地区中待审核的数量、最后审核。每次抽样复查：抽取的
末级指标、已复查的，以及一致（与第一位评估人的结论合并）或不一致（成为冲突）的数量。

  --json         以 JSON 在标准输出上输出全部内容
  --lang zh|en   输出语言（默认随系统区域设置）

示例：
  assess status workspaces/team.json
  assess status workspaces/            # 文件夹中每位评估人的文件`,
		en: `The team's progress, for a team lead: over one (merged) workspace, or several assessors'
files (name them, or a folder that holds them: every *.json workspace in it), merged in
memory for the view (nothing is written).

Per assessor (everyone who recorded a finding; a finding two assessors agreed on counts for
both): leaves scored (a value, or not applicable), submitted (done or not applicable), waiting
for review, accepted, returned, open conflicts one of their versions is in, and their last
change (a version they recorded, or a review they gave). Per region: the same, its leaves, its
assigned reviewer, whether it is final. Per reviewer: regions assigned, accepted, returned,
waiting in their regions, last review. Per spot check: leaves drawn, re-checked, and how many
agree (united with the first assessor's verdict) or disagree (a conflict).

  --json         all of it as JSON on stdout
  --lang zh|en   the language (default: from the locale)

Examples:
  assess status workspaces/team.json
  assess status workspaces/            # every assessor's file in the folder`,
	},
	options: {json: {type: 'boolean'}},
	positionals: {min: 1, max: Infinity},
	async run(args, io) {
		const t = (m: Message) => say(io.lang, m);
		const h = (key: keyof typeof H) => H[key][io.lang];
		const files: string[] = [];
		for (const arg of args.positionals) files.push(...expand(pathArg(io, arg), arg, text => io.err(t(text))));
		const validationCache = ValidationCache.fromEnvironment(io.env);
		const findingCache: FindingCache = new Map();
		const findingBytes = new KnownFindings();
		const read: Awaited<ReturnType<typeof readWorkspace>>[] = [];
		const named = new Set(args.positionals.map(p => resolve(io.cwd, p)));
		for (const file of files) {
			try {
				read.push(await readWorkspace(file, {validationCache, findingCache, findingBytes}));
			} catch (error) {
				// In a folder, a JSON file of another kind (weights, a sample plan) is passed over.
				if (!named.has(file) && error instanceof UserError && !looksLikeWorkspace(file)) {
					io.err(t(M.skipped({file: displayPath(io.cwd, file)})));
					continue;
				}
				throw error;
			}
		}
		if (read.length === 0) throw UserError.of(args.positionals[0]!, M.noWorkspaces({dir: args.positionals[0]!}));
		const context = read[0]!.context;
		let view: Workspace;
		if (read.length === 1) view = read[0]!.data;
		else {
			const merged = mergeWorkspaces(read.map(r => r.data), {id: randomUUID(), assessor: read[0]!.data.assessor, createdAt: new Date().toISOString()});
			if (!merged.ok) throw UserError.fromIssues(displayPath(io.cwd, files[Number(merged.issues[0]!.path[0] ?? 0)] ?? files[0]!), merged.issues.map(i => ({...i, path: i.path.slice(1)})));
			view = merged.value.workspace;
		}
		const index = context.system.index;
		const names = new Map(context.regions.regions.map(r => [r.code, r.name]));
		const regionName = (c: string) => names.get(c) ?? c;
		const status = teamStatus(index, view, regionName);
		const finality = finalityOf(index, view, regionName);
		if (args.values.json) {
			io.out(JSON.stringify({files: read.map((r, i) => ({file: displayPath(io.cwd, files[i]!), assessor: r.data.assessor})), system: index.system.id, blockers: finality.counts, ...status}, null, 2));
			return 0;
		}
		const time = (iso: string | null) => (iso ? isoWithOffset(iso, localZone).slice(0, 16).replace('T', ' ') : '—');
		const counts = (c: StatusCounts) => [c.scored, c.submitted, c.waiting, c.accepted, c.returned, c.conflicts].map(String);
		const right = (header: string) => ({header, align: 'right' as const});
		const countHeaders = COUNTS.map(key => right(h(key)));
		const out: string[] = [];
		const heading = read.length === 1 ? M.headingOne({system: index.system.id, regions: view.regions.length}) : M.headingMany({files: read.length, system: index.system.id, regions: view.regions.length});
		out.push(t(M.line({heading, review: status.reviewRequired ? M.reviewRequired() : M.reviewOptional(), final: finality.final ? M.final() : M.notFinal({why: blockerSummaryWords(finality.counts)})})));
		if (read.length > 1) out.push(read.map((r, i) => `  ${basename(files[i]!)}: ${r.data.assessor}`).join('\n'));
		out.push('', t(M.assessors()), renderTable([{header: h('assessor')}, ...countHeaders, {header: h('last')}], status.assessors.map(a => [a.assessor, ...counts(a), time(a.lastChange)])));
		out.push('', t(M.regions()), renderTable([{header: h('region')}, right(h('leaves')), ...countHeaders, {header: h('reviewer')}, {header: h('final')}, {header: h('last')}], status.regions.map(r => [`${r.region} ${r.regionName}`, String(r.leaves), ...counts(r), r.reviewer ?? '—', r.final ? h('yes') : h('no'), time(r.lastChange)])));
		if (status.reviewers.length) {
			out.push('', t(M.reviewers()), renderTable([{header: h('reviewer')}, {header: h('regions')}, right(h('accepted')), right(h('returned')), right(h('waiting')), {header: h('lastReview')}], status.reviewers.map(r => [r.reviewer, say(io.lang, list(r.regions.map(regionName))) || '—', String(r.accepted), String(r.returned), String(r.waiting), time(r.lastReview)])));
		}
		if (status.spotChecks.length) {
			out.push('', t(M.spotChecks()), renderTable([{header: h('drawn')}, {header: h('from')}, {header: h('for')}, {header: h('shareSeed')}, right(h('drawnLeaves')), right(h('rechecked')), right(h('agree')), right(h('disagree')), right(h('notCompared'))], status.spotChecks.map(s => [time(s.at), s.source, s.assessor, `${Math.round(s.share * 1000) / 10}% · ${s.seed}`, String(s.drawn), String(s.rechecked), String(s.agreed), String(s.disagreed), String(s.rechecked - s.agreed - s.disagreed)])));
		}
		io.out(out.join('\n'));
		return 0;
	},
};

/** Does the file say it is a workspace (its "kind")? A broken workspace is still one, and an error. */
function looksLikeWorkspace(file: string): boolean {
	try {
		const raw = readJsonFile(file) as {kind?: unknown} | null;
		return typeof raw === 'object' && raw !== null && raw.kind === WORKSPACE_KIND;
	} catch {
		return true;
	}
}

/** A workspace file as given, or every *.json file in a folder (not hidden, not a backup copy). */
function expand(path: string, shown: string, warn: (text: Message) => void): string[] {
	let stat;
	try {
		stat = statSync(path);
	} catch (error) {
		throw UserError.of(shown, (error as NodeJS.ErrnoException).code === 'ENOENT' ? M.notFound() : fsProblem(error));
	}
	if (!stat.isDirectory()) return [path];
	const files = readdirSync(path)
		.filter(name => name.endsWith('.json') && !name.startsWith('.'))
		.sort()
		.map(name => join(path, name))
		.filter(file => {
			try {
				return statSync(file).isFile();
			} catch {
				return false;
			}
		});
	if (files.length === 0) warn(COMMON.warning({text: M.noWorkspaces({dir: shown})}));
	return files;
}
