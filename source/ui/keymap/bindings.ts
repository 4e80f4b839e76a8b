import type {Binding} from './key-table.js';
import {MAIN_BINDINGS} from './bindings-main.js';
import {LEAF_BINDINGS} from './bindings-leaf.js';
import {OVERLAY_BINDINGS} from './bindings-overlays.js';
import {REVIEW_BINDINGS} from './bindings-review.js';

/** The one key table of the TUI. */
export const BINDINGS: readonly Binding[] = [...MAIN_BINDINGS, ...LEAF_BINDINGS, ...REVIEW_BINDINGS, ...OVERLAY_BINDINGS];

export const bindingById = (id: string): Binding => {
	const b = BINDINGS.find(x => x.id === id);
	if (!b) throw new Error(`no binding "${id}" in the key table`);
	return b;
};
