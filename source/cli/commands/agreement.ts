import {resolve} from 'node:path';
import type {Command} from '../command.js';
import {readWorkspace} from '../../storage/workspace-store.js';
import {ValidationCache} from '../../storage/validation-cache.js';
import {agreementOf} from '../../domain/agreement/agreement.js';
import {UserError} from '../../storage/user-error.js';
import {renderTable} from '../table.js';
import {pick} from '../../domain/text.js';

const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);
const num = (x: number | null, digits = 2) => (x === null ? '—' : x.toFixed(digits));

export const agreementCommand: Command = {
	name: 'agreement',
	usage: 'assess agreement <ws> <ws> [--json]',
	summary: 'inter-rater agreement where two assessors scored the same leaves',
	help: `Compares two assessors' workspaces over the leaves both scored in the same regions
(a value, or not applicable): percent agreement, Cohen's kappa for yes/no and levels rules,
mean absolute difference for numeric ones (in the rule's unit; overall in points for direct
scores and sampled ratios), per indicator and overall, and the list of disagreements.

  --json   machine-readable output on stdout`,
	options: {json: {type: 'boolean'}},
	positionals: {min: 2, max: 2},
	async run(args, io) {
		const [fa, fb] = args.positionals.map(p => resolve(io.cwd, p)) as [string, string];
		const validationCache = ValidationCache.fromEnvironment(io.env);
		const a = await readWorkspace(fa, {validationCache});
		const b = await readWorkspace(fb, {validationCache});
		if (a.data.system.id !== b.data.system.id) throw UserError.of(args.positionals[1]!, `is for system "${b.data.system.id}", not "${a.data.system.id}"; agreement needs one system`, '$.system.id');
		const index = a.context.system.index;
		const report = agreementOf(index, a.data, b.data);
		if (args.values.json) {
			io.out(JSON.stringify({a: {file: args.positionals[0], assessor: a.data.assessor}, b: {file: args.positionals[1], assessor: b.data.assessor}, ...report}, null, 2));
			return 0;
		}
		if (report.items === 0) {
			io.out(`${a.data.assessor} and ${b.data.assessor} have no scored leaves in common: nothing to compare.`);
			return 0;
		}
		io.out(
			[
				`${a.data.assessor} vs ${b.data.assessor}: ${report.items} leaves scored by both, ${report.agreed} agree (${pct(report.percent)}); Cohen's kappa ${num(report.kappa, 3)}; mean absolute difference ${num(report.meanAbsScoreDiff)} points`,
				renderTable(
					[{header: '指标'}, {header: 'items', align: 'right'}, {header: 'agree', align: 'right'}, {header: 'kappa', align: 'right'}, {header: 'MAD', align: 'right'}],
					report.indicators.map(i => [`${i.indicator} ${pick(index.nodes.get(i.indicator)!.node.name, 'zh')}`, String(i.items), pct(i.percent), num(i.kappa, 3), num(i.meanAbsDiff)]),
				),
				report.disagreements.length ? `Disagreements (${report.disagreements.length}):` : 'No disagreements.',
				report.disagreements.length ? renderTable([{header: 'region'}, {header: 'indicator'}, {header: a.data.assessor}, {header: b.data.assessor}], report.disagreements.map(d => [d.region, d.indicator, d.a, d.b])) : '',
			]
				.filter(Boolean)
				.join('\n\n'),
		);
		return 0;
	},
};
