import {describe, it, expect} from 'vitest';
import fc from 'fast-check';
import {index, leafOf, testWorkspace} from '../helpers/render-tui.js';
import {initialState, type AppEnv, type AppState} from '../../source/ui/state/app-state.js';
import {changeFinding, undo, redo, addRegion} from '../../source/ui/session/session-state.js';
import {scoresOf} from '../../source/ui/state/derive.js';
import {scoreOf} from '../../source/domain/workspace/workspace-ops.js';
import {loadBundledWeights} from '../../source/storage/load-files.js';
import type {WorkspaceScore} from '../../source/domain/scoring/score-workspace.js';
import type {FindingValue} from '../../source/domain/workspace/workspace-schema.js';

const weights = loadBundledWeights(index).weights.weights;
const env = {index} as AppEnv;
const plain = (s: WorkspaceScore) => ({regions: s.regions.map(r => ({...r, tier: r.tier?.id ?? null, nodes: [...r.nodes]})), best: [...s.best], stats: [...s.stats]});

// What a keypress can do to the session: record a value (a yes/no or a measurement) in a region, undo, redo, add a region.
const step = fc.oneof(
	fc.record({kind: fc.constant('yesno' as const), region: fc.integer({min: 0, max: 3}), met: fc.boolean()}),
	fc.record({kind: fc.constant('measure' as const), region: fc.integer({min: 0, max: 3}), amount: fc.double({min: 0, max: 1000, noNaN: true})}),
	fc.constantFrom({kind: 'undo' as const}, {kind: 'redo' as const}, {kind: 'add' as const}),
);

describe('the live scores (header, region list, scoreboard) after each keypress', () => {
	it('are the full re-score of the workspace shown, change after change', () => {
		const yesno = leafOf('yesno');
		const measure = leafOf('measure');
		fc.assert(
			fc.property(fc.array(step, {minLength: 1, maxLength: 12}), steps => {
				let state: AppState = initialState(index, testWorkspace(), weights, undefined);
				scoresOf(env, state);
				steps.forEach((s, i) => {
					const at = `2026-11-29T10:00:${String(i).padStart(2, '0')}.000Z`;
					const ws = state.session.ws;
					const region = 'region' in s ? ws.regions[s.region % ws.regions.length]! : '';
					const value: FindingValue | undefined = s.kind === 'yesno' ? {type: 'yesno', met: s.met} : s.kind === 'measure' ? {type: 'measure', amount: s.amount} : undefined;
					const result =
						s.kind === 'undo'
							? undo(state.session, 'a', at)
							: s.kind === 'redo'
								? redo(state.session, 'a', at)
								: s.kind === 'add'
									? addRegion(state.session, '440000')
									: changeFinding(state.session, index, {region, indicator: (s.kind === 'yesno' ? yesno : measure).code}, {value}, 'value', 'a', at);
					state = {...state, session: result.state};
					expect(plain(scoresOf(env, state))).toEqual(plain(scoreOf(index, weights, state.session.ws)));
				});
			}),
			{numRuns: 60},
		);
	});
});
