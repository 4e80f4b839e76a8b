import {realpathSync} from 'node:fs';
import {basename} from 'node:path';
import type {Command} from '../command.js';
import {pathArg} from '../command.js';
import {messages, words, say, type Message} from '../../domain/words/message.js';
import {findingKey, type Workspace} from '../../domain/workspace/workspace-schema.js';
import {formatValue} from '../../domain/rules/parse-value.js';
import {readWorkspace} from '../../storage/workspace-store.js';
import {ValidationCache} from '../../storage/validation-cache.js';
import {teamAgreement, type TeamAgreementReport} from '../../domain/agreement/team-agreement.js';
import type {SystemIndex} from '../../domain/system/system-index.js';
import {UserError} from '../../storage/user-error.js';
import {renderTable} from '../table.js';
import {pick, type Lang} from '../../domain/text.js';
import {inert} from '../../text/cell-width.js';

/** Disagreements printed in text; --json lists them all. */
const SHOWN_DISAGREEMENTS = 20;

const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);
const num = (x: number | null, digits = 2) => (x === null ? '—' : x.toFixed(digits));

const M = messages('cli/agreement', {
	twice: {zh: '被列了两次（另一次为 {other}）；每个评估人的文件只计一次，否则它会与自己一致', en: 'is named twice (as {other}); each assessor\'s file counts once, or it would agree with itself'},
	otherSystem: {zh: '属于指标体系 "{system}"，而不是 "{first}"；一致性分析需要同一指标体系', en: 'is for system "{system}", not "{first}"; agreement needs one system'},
	otherVersion: {zh: '使用 {system} 的版本 {version}，而 {file} 使用 {first}；一致性分析需要同一版本', en: 'uses version {version} of {system}, but {file} uses {first}; agreement needs one version'},
	nothingTwo: {zh: '{a} 和 {b} 没有共同评分的末级指标：无可比较。', en: '{a} and {b} have no scored leaves in common: nothing to compare.'},
	nothingMany: {zh: '{n} 个评估人（{who}）中，没有任何两人在同一地区为同一末级指标评分：无可比较。', en: 'No two of the {n} assessors ({who}) scored the same leaf in the same region: nothing to compare.'},
	headlineTwo: {zh: '{a} 与 {b}：两人都评分的末级指标 {units} 个，一致 {agreed} 个（{percent}）；Cohen kappa {kappa}；平均绝对差 {mad} 分', en: '{a} vs {b}: {units} {units|leaf|leaves} scored by both, {agreed} agree ({percent}); Cohen\'s kappa {kappa}; mean absolute difference {mad} points'},
	headlineMany: {zh: '{n} 个评估人（{who}）：两人以上评分的末级指标 {units} 个，全体一致 {agreed} 个（{percent}）；平均绝对差 {mad} 分', en: '{n} assessors ({who}): {units} {units|leaf|leaves} scored by two or more, {agreed} where all agree ({percent}); mean absolute difference {mad} points'},
	lowest: {zh: '；最低为 {alpha}，在 {at}', en: '; lowest {alpha} at {at}'},
	coefficients: {zh: 'Fleiss kappa {kappa}（是否类和分档类，按评估指标汇总）；Krippendorff alpha {alpha}（按可配对的评分数加权各评估指标{lowest}）', en: 'Fleiss\' kappa {kappa} (yes/no and levels, pooled over indicators); Krippendorff\'s alpha {alpha} (indicators weighted by pairable values{lowest})'},
	pairs: {zh: '两两比较：', en: 'Pairs:'},
	pairsNone: {zh: '（{all} 对中有 {n} 对没有共同评分的末级指标）', en: '({n} of {all} pairs scored no leaf in common)'},
	disagreements: {zh: '意见不一（{n} 处）：', en: 'Disagreements ({n}):'},
	disagreementsSome: {zh: '意见不一（{n} 处；下面是前 {shown} 处，--json 列出全部）：', en: 'Disagreements ({n}; the first {shown} below, all with --json):'},
	none: {zh: '没有意见不一之处。', en: 'No disagreements.'},
});

const H = words('cli/agreement/headers', {
	indicator: {zh: '评估指标', en: 'indicator'},
	agree: {zh: '一致', en: 'agree'},
	level: {zh: '测量层次', en: 'level'},
	mad: {zh: '平均绝对差', en: 'MAD'},
	assessors: {zh: '评估人', en: 'assessors'},
	items: {zh: '末级指标', en: 'items'},
	madPoints: {zh: '平均绝对差（分）', en: 'MAD (points)'},
	region: {zh: '地区', en: 'region'},
	nominal: {zh: '定类', en: 'nominal'},
	ordinal: {zh: '定序', en: 'ordinal'},
	interval: {zh: '定距', en: 'interval'},
	na: {zh: '不适用', en: 'n/a'},
});

export const agreementCommand: Command = {
	name: 'agreement',
	usage: {zh: 'assess agreement <工作区> <工作区>... [--json] [--lang zh|en]', en: 'assess agreement <ws> <ws>... [--json] [--lang zh|en]'},
	summary: {zh: '两个或更多评估人在同一批末级指标上的评分一致性', en: 'inter-rater agreement of two or more assessors where they scored the same leaves'},
	help: {
		zh: `比较同一指标体系下两个或更多评估人的工作区。一个单元是一个地区的一个末级指标；有两个或更多评估人
为它评分（给出分值，或标为不适用）时才计入。缺少评分是正常的：没有为某末级指标评分、或不负责该
地区的评估人，只是不在它的评分者之中。

每个评估指标：单元数（n）、全体一致的比例、Fleiss kappa（是否类和分档类规则）、按规则测量层次计算
的 Krippendorff alpha（是否类为定类，分档类为定序，抽查比例按其 0–100 的得分、计量和直接打分为
定距），以及数值类规则的平均绝对差（按规则的单位；直接打分和抽查比例为分）。总体：按评估指标汇总
的 Fleiss kappa（De Vries 等，2008），按可配对评分数加权各评估指标的 alpha，以及 alpha 最低的评估
指标。每两个评估人：两人都评分的末级指标数、一致率、Cohen kappa（按评估指标汇总）、平均绝对差
（分）。然后是意见不一之处（前 ${SHOWN_DISAGREEMENTS} 处；--json 列出全部）。

不适用在 kappa 以及定类、定序 alpha 中自成一类（排在分档类规则最后一档之后），不计入定距 alpha
和差值。alpha 依照 Krippendorff（2011）：在单元内配对，只有一个评分的单元不计。各单元评分人数
不同时的 Fleiss kappa 依照 Gwet（2014）：观测一致性取自有两个以上评分的单元，机遇一致性取自所有
有评分的单元。无法定义的系数（完全没有差异，或没有可配对的评分）显示为 —。

  --json         在标准输出上输出机器可读的结果：{assessors: [{file, assessor}], overall,
                 indicators, pairs, disagreements}；"pairs" 中的 a、b 为评估人的序号，
                 "disagreements" 按评估人顺序给出结论，没有评分处为 null
  --lang zh|en   输出语言（默认随系统区域设置）

示例：
  assess agreement workspaces/zhang.json workspaces/li.json workspaces/wang.json`,
		en: `Compares two or more assessors' workspaces of one indicator system. A unit is one leaf in
one region; it counts where two or more assessors scored it (a value, or not applicable).
Missing ratings are normal: an assessor who did not score a leaf, or does not hold the region,
is simply not among its raters.

Per indicator: units (n), share where every assessor agreed, Fleiss' kappa (yes/no and levels
rules), Krippendorff's alpha at the rule's level of measurement (yes/no nominal, levels ordinal,
sampled ratios on their 0–100 score, measurements and direct scores interval), and the mean
absolute difference for numeric rules (in the rule's unit; points for direct scores and sampled
ratios). Overall: Fleiss' kappa pooled over the indicators (De Vries et al. 2008), alpha as the
indicators' alphas weighted by their pairable values, and the indicator with the lowest alpha.
For every two assessors: leaves both scored, percent agreement, Cohen's kappa (pooled over the
indicators), mean absolute difference in points. Then the disagreements (the first ${SHOWN_DISAGREEMENTS}; all
with --json).

Not applicable is a category of its own for kappa and nominal or ordinal alpha (ranked after a
levels rule's last level), and is left out of interval alpha and of differences. Alpha follows
Krippendorff (2011): values pair within a unit, a unit scored once is left out. Fleiss' kappa
with different numbers of raters per unit follows Gwet (2014): observed agreement over units
scored two or more times, chance agreement from every unit scored at all. A coefficient that is
undefined (no variation at all, or nothing to pair) shows as —.

  --json         machine-readable output on stdout: {assessors: [{file, assessor}], overall,
                 indicators, pairs (a and b index assessors), disagreements (verdicts in the
                 order of assessors, null where one did not score the leaf)}
  --lang zh|en   the language (default: from the locale)

Example:
  assess agreement workspaces/zhang.json workspaces/li.json workspaces/wang.json`,
	},
	options: {json: {type: 'boolean'}},
	positionals: {min: 2, max: Infinity},
	async run(args, io) {
		const files = args.positionals.map(p => pathArg(io, p));
		const validationCache = ValidationCache.fromEnvironment(io.env);
		const read: Awaited<ReturnType<typeof readWorkspace>>[] = [];
		for (const file of files) read.push(await readWorkspace(file, {validationCache}));
		const real = files.map(f => realpathSync(f));
		real.forEach((r, i) => {
			if (real.indexOf(r) !== i) throw UserError.of(args.positionals[i]!, M.twice({other: args.positionals[real.indexOf(r)]!}));
		});
		const first = read[0]!.data;
		read.forEach(({data}, i) => {
			if (data.system.id !== first.system.id) throw UserError.of(args.positionals[i]!, M.otherSystem({system: data.system.id, first: first.system.id}), '$.system.id');
			if (data.system.version !== first.system.version) throw UserError.of(args.positionals[i]!, M.otherVersion({version: data.system.version, system: data.system.id, file: args.positionals[0]!, first: first.system.version}), '$.system.version');
		});
		const index = read[0]!.context.system.index;
		const report = teamAgreement(index, read.map(r => r.data));
		if (args.values.json) {
			io.out(JSON.stringify({assessors: read.map((r, i) => ({file: args.positionals[i], assessor: r.data.assessor})), ...report}, null, 2));
			return 0;
		}
		io.out(textReport(index, report, labels(read.map(r => r.data.assessor), args.positionals), read.map(r => r.data), io.lang));
		return 0;
	},
};

/** Assessors by name; a name two files share gets its file's name too. */
function labels(names: readonly string[], files: readonly string[]): string[] {
	return names.map((n, i) => inert(names.indexOf(n) === names.lastIndexOf(n) ? n : `${n} (${basename(files[i]!)})`));
}

function textReport(index: SystemIndex, report: TeamAgreementReport, who: readonly string[], workspaces: readonly Workspace[], lang: Lang): string {
	const t = (m: Message) => say(lang, m);
	const h = (key: keyof typeof H) => H[key][lang];
	const {overall} = report;
	const two = who.length === 2;
	const pair = report.pairs[0]!;
	if (overall.units === 0) return t(two ? M.nothingTwo({a: who[0]!, b: who[1]!}) : M.nothingMany({n: who.length, who: [...who]}));
	const name = (code: string) => `${code} ${inert(pick(index.nodes.get(code)!.node.name, lang))}`;
	const headline = two
		? M.headlineTwo({a: who[0]!, b: who[1]!, units: overall.units, agreed: overall.agreed, percent: pct(overall.percent), kappa: num(pair.kappa, 3), mad: num(overall.meanAbsScoreDiff)})
		: M.headlineMany({n: who.length, who: [...who], units: overall.units, agreed: overall.agreed, percent: pct(overall.percent), mad: num(overall.meanAbsScoreDiff)});
	// The lowest alpha says something only when there are several to choose from.
	const lowest = overall.lowestAlpha && report.indicators.filter(i => i.alpha !== null).length > 1 ? M.lowest({alpha: num(overall.lowestAlpha.alpha, 3), at: name(overall.lowestAlpha.indicator)}) : '';
	const coefficients = M.coefficients({kappa: num(overall.fleissKappa, 3), alpha: num(overall.alpha, 3), lowest});
	const unitOf = (code: string) => {
		const rule = index.nodes.get(code)!.rule!;
		return rule.type === 'measure' ? ` ${inert(pick(rule.unit, lang))}` : '';
	};
	const indicators = renderTable(
		[{header: h('indicator')}, {header: 'n', align: 'right'}, {header: h('agree'), align: 'right'}, {header: 'Fleiss κ', align: 'right'}, {header: 'α', align: 'right'}, {header: h('level')}, {header: h('mad'), align: 'right'}],
		report.indicators.map(i => [name(i.indicator), String(i.units), pct(i.percent), num(i.fleissKappa, 3), num(i.alpha, 3), h(i.level), i.meanAbsDiff === null ? '—' : `${num(i.meanAbsDiff)}${unitOf(i.indicator)}`]),
	);
	const sharing = report.pairs.filter(p => p.items > 0);
	const pairs = two
		? ''
		: [
				t(M.pairs()),
				renderTable(
					[{header: h('assessors')}, {header: h('items'), align: 'right'}, {header: h('agree'), align: 'right'}, {header: 'Cohen κ', align: 'right'}, {header: h('madPoints'), align: 'right'}],
					sharing.map(p => [`${who[p.a]} – ${who[p.b]}`, String(p.items), pct(p.percent), num(p.kappa, 3), num(p.meanAbsScoreDiff)]),
				),
				sharing.length < report.pairs.length ? t(M.pairsNone({n: report.pairs.length - sharing.length, all: report.pairs.length})) : '',
			]
				.filter(Boolean)
				.join('\n');
	const total = report.disagreements.length;
	const shown = report.disagreements.slice(0, SHOWN_DISAGREEMENTS);
	// Each verdict in the reader's language (the report's labels are the exports' Chinese words).
	const verdict = (ws: Workspace, region: string, code: string): string => {
		const f = ws.findings[findingKey(region, code)];
		if (!f) return '—';
		if (f.status === 'na') return h('na');
		return f.value ? formatValue(index.nodes.get(code)!.rule, f.value, lang) || '—' : '—';
	};
	const disagreements = total
		? [
				t(total > shown.length ? M.disagreementsSome({n: total, shown: shown.length}) : M.disagreements({n: total})),
				renderTable(
					[{header: h('region')}, {header: h('indicator')}, ...who.map(header => ({header}))],
					shown.map(d => [d.region, d.indicator, ...d.verdicts.map((v, i) => (v === null ? '—' : verdict(workspaces[i]!, d.region, d.indicator)))]),
				),
			].join('\n')
		: t(M.none());
	return [`${t(headline)}\n${t(coefficients)}`, indicators, pairs, disagreements].filter(Boolean).join('\n\n');
}
