import {findingKey} from '../../domain/workspace/workspace-schema.js';
import {plannedSamples} from '../../domain/sample-plan/sample-plan.js';
import type {AppEnv, AppState} from '../state/app-state.js';
import {currentFinding, currentLeaf, samplesOf} from '../state/derive.js';
import {open} from '../state/act.js';

/**
 * The team's sample plan (issue 12): a sampled leaf with no items yet, opened in the item
 * panel or given its first item with +, is offered the plan's items, in the plan's order, not
 * yet judged (`plannedSamples`). Asked, never done behind the user's back: y adds them (one
 * change, which u takes back), n leaves the leaf as it is or searches the catalog.
 */
export function planFor(state: AppState, env: AppEnv): {region: string; indicator: string; items: number} | undefined {
	const leaf = currentLeaf(env, state);
	const region = state.nav.region;
	if (!env.samplePlan || !leaf || !region || leaf.rule.type !== 'sampled' || state.readOnly) return undefined;
	if (state.session.ws.conflicts[findingKey(region, leaf.code)] || samplesOf(currentFinding(state)).length > 0) return undefined;
	const items = plannedSamples(env.samplePlan, leaf.code).length;
	return items > 0 ? {region, indicator: leaf.code, items} : undefined;
}

/** Asks about the plan's items when the leaf now shown would take them; otherwise the state as it is. */
export function offerPlan(state: AppState, env: AppEnv, then: 'search' | 'stay'): AppState {
	const plan = planFor(state, env);
	return plan ? open(state, {kind: 'confirm', confirm: {kind: 'plan', ...plan, then}}) : state;
}

/** The plan's items as the leaf's samples. */
export function planSamples(env: AppEnv, indicator: string) {
	return env.samplePlan ? plannedSamples(env.samplePlan, indicator) : [];
}
