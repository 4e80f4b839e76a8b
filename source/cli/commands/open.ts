import {resolve} from 'node:path';
import type {Command} from '../command.js';
import {displayPath} from '../command.js';
import {demoWorkspaceFile} from '../../storage/bundled-paths.js';
import {readWorkspace} from '../../storage/workspace-store.js';
import {scoreOf} from '../../domain/workspace/workspace-ops.js';
import {scoreReport} from '../../domain/scoring/score-report.js';
import {renderReport} from './score.js';

export const openCommand: Command = {
	name: 'open',
	usage: 'assess open [<workspace>] [--weights <file>] [--lang zh|en]',
	summary: 'open a workspace in the terminal UI (default: the demo)',
	help: `Opens a workspace in the terminal UI. Without a workspace, opens the bundled demo.

The terminal UI is being built (issue 3); until it lands, this prints the workspace's ranking,
as \`assess score <workspace> --summary\` does.`,
	options: {weights: {type: 'string'}, lang: {type: 'string'}},
	positionals: {min: 0, max: 1},
	async run(args, io) {
		const file = args.positionals[0] ? resolve(io.cwd, args.positionals[0]) : demoWorkspaceFile();
		const weights = typeof args.values.weights === 'string' ? resolve(io.cwd, args.values.weights) : undefined;
		const {data, context} = await readWorkspace(file, weights);
		const index = context.system.index;
		const names = new Map(context.regions.regions.map(r => [r.code, r.name]));
		io.out(renderReport(scoreReport(index, data, scoreOf(index, context.weights.weights.weights, data), c => names.get(c) ?? c), true, displayPath(io.cwd, context.weights.file)));
		io.err('\nThe terminal UI is not built yet; for now: assess record / score / search (see assess --help).');
		return 0;
	},
};
