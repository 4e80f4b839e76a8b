import {realpathSync} from 'node:fs';
import {basename, resolve} from 'node:path';
import type {Command} from '../command.js';
import {readWorkspace} from '../../storage/workspace-store.js';
import {ValidationCache} from '../../storage/validation-cache.js';
import {teamAgreement, type TeamAgreementReport} from '../../domain/agreement/team-agreement.js';
import type {SystemIndex} from '../../domain/system/system-index.js';
import {UserError} from '../../storage/user-error.js';
import {renderTable} from '../table.js';
import {pick} from '../../domain/text.js';
import {inert} from '../../text/cell-width.js';

/** Disagreements printed in text; --json lists them all. */
const SHOWN_DISAGREEMENTS = 20;

const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);
const num = (x: number | null, digits = 2) => (x === null ? '—' : x.toFixed(digits));

export const agreementCommand: Command = {
	name: 'agreement',
	usage: 'assess agreement <ws> <ws>... [--json]',
	summary: 'inter-rater agreement of two or more assessors where they scored the same leaves',
	help: `Compares two or more assessors' workspaces of one indicator system. A unit is one leaf in
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

  --json   machine-readable output on stdout: {assessors: [{file, assessor}], overall,
           indicators, pairs (a and b index assessors), disagreements (verdicts in the order
           of assessors, null where one did not score the leaf)}

Example:
  assess agreement workspaces/zhang.json workspaces/li.json workspaces/wang.json`,
	options: {json: {type: 'boolean'}},
	positionals: {min: 2, max: Infinity},
	async run(args, io) {
		const files = args.positionals.map(p => resolve(io.cwd, p));
		const validationCache = ValidationCache.fromEnvironment(io.env);
		const read: Awaited<ReturnType<typeof readWorkspace>>[] = [];
		for (const file of files) read.push(await readWorkspace(file, {validationCache}));
		const real = files.map(f => realpathSync(f));
		real.forEach((r, i) => {
			if (real.indexOf(r) !== i) throw UserError.of(args.positionals[i]!, `is named twice (as ${args.positionals[real.indexOf(r)]}); each assessor's file counts once, or it would agree with itself`);
		});
		const first = read[0]!.data;
		read.forEach(({data}, i) => {
			if (data.system.id !== first.system.id) throw UserError.of(args.positionals[i]!, `is for system "${data.system.id}", not "${first.system.id}"; agreement needs one system`, '$.system.id');
			if (data.system.version !== first.system.version) throw UserError.of(args.positionals[i]!, `uses version ${data.system.version} of ${data.system.id}, but ${args.positionals[0]} uses ${first.system.version}; agreement needs one version`, '$.system.version');
		});
		const index = read[0]!.context.system.index;
		const report = teamAgreement(index, read.map(r => r.data));
		if (args.values.json) {
			io.out(JSON.stringify({assessors: read.map((r, i) => ({file: args.positionals[i], assessor: r.data.assessor})), ...report}, null, 2));
			return 0;
		}
		io.out(textReport(index, report, labels(read.map(r => r.data.assessor), args.positionals)));
		return 0;
	},
};

/** Assessors by name; a name two files share gets its file's name too. */
function labels(names: readonly string[], files: readonly string[]): string[] {
	return names.map((n, i) => inert(names.indexOf(n) === names.lastIndexOf(n) ? n : `${n} (${basename(files[i]!)})`));
}

function textReport(index: SystemIndex, report: TeamAgreementReport, who: readonly string[]): string {
	const {overall} = report;
	const two = who.length === 2;
	const pair = report.pairs[0]!;
	if (overall.units === 0) return two ? `${who[0]} and ${who[1]} have no scored leaves in common: nothing to compare.` : `No two of the ${who.length} assessors (${who.join(', ')}) scored the same leaf in the same region: nothing to compare.`;
	const name = (code: string) => `${code} ${inert(pick(index.nodes.get(code)!.node.name, 'zh'))}`;
	const headline = two
		? `${who[0]} vs ${who[1]}: ${overall.units} leaves scored by both, ${overall.agreed} agree (${pct(overall.percent)}); Cohen's kappa ${num(pair.kappa, 3)}; mean absolute difference ${num(overall.meanAbsScoreDiff)} points`
		: `${who.length} assessors (${who.join(', ')}): ${overall.units} leaves scored by two or more, ${overall.agreed} where all agree (${pct(overall.percent)}); mean absolute difference ${num(overall.meanAbsScoreDiff)} points`;
	// The lowest alpha says something only when there are several to choose from.
	const lowest = overall.lowestAlpha && report.indicators.filter(i => i.alpha !== null).length > 1 ? `; lowest ${num(overall.lowestAlpha.alpha, 3)} at ${name(overall.lowestAlpha.indicator)}` : '';
	const coefficients = `Fleiss' kappa ${num(overall.fleissKappa, 3)} (yes/no and levels, pooled over indicators); Krippendorff's alpha ${num(overall.alpha, 3)} (indicators weighted by pairable values${lowest})`;
	const unitOf = (code: string) => {
		const rule = index.nodes.get(code)!.rule!;
		return rule.type === 'measure' ? ` ${inert(rule.unit.zh)}` : '';
	};
	const indicators = renderTable(
		[{header: '指标'}, {header: 'n', align: 'right'}, {header: 'agree', align: 'right'}, {header: 'Fleiss κ', align: 'right'}, {header: 'α', align: 'right'}, {header: 'level'}, {header: 'MAD', align: 'right'}],
		report.indicators.map(i => [name(i.indicator), String(i.units), pct(i.percent), num(i.fleissKappa, 3), num(i.alpha, 3), i.level, i.meanAbsDiff === null ? '—' : `${num(i.meanAbsDiff)}${unitOf(i.indicator)}`]),
	);
	const sharing = report.pairs.filter(p => p.items > 0);
	const pairs = two
		? ''
		: [
				'Pairs:',
				renderTable(
					[{header: 'assessors'}, {header: 'items', align: 'right'}, {header: 'agree', align: 'right'}, {header: 'Cohen κ', align: 'right'}, {header: 'MAD (points)', align: 'right'}],
					sharing.map(p => [`${who[p.a]} – ${who[p.b]}`, String(p.items), pct(p.percent), num(p.kappa, 3), num(p.meanAbsScoreDiff)]),
				),
				sharing.length < report.pairs.length ? `(${report.pairs.length - sharing.length} of ${report.pairs.length} pairs scored no leaf in common)` : '',
			]
				.filter(Boolean)
				.join('\n');
	const total = report.disagreements.length;
	const shown = report.disagreements.slice(0, SHOWN_DISAGREEMENTS);
	const disagreements = total
		? [
				`Disagreements (${total}${total > shown.length ? `; the first ${shown.length} below, all with --json` : ''}):`,
				renderTable(
					[{header: 'region'}, {header: 'indicator'}, ...who.map(header => ({header}))],
					shown.map(d => [d.region, d.indicator, ...d.verdicts.map(v => v ?? '—')]),
				),
			].join('\n')
		: 'No disagreements.';
	return [`${headline}\n${coefficients}`, indicators, pairs, disagreements].filter(Boolean).join('\n\n');
}
