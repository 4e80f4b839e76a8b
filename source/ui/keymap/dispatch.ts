import type {AppEnv, AppState} from '../state/app-state.js';
import type {InputEvent} from '../input/split-keys.js';
import type {Lang} from '../../domain/text.js';
import {BINDINGS} from './bindings.js';
import {activeContexts, type Binding, type Context} from './key-table.js';
import {hintKeys} from './key-labels.js';
import {typeText} from '../actions/prompt-actions.js';
import {currentLeaf} from '../state/derive.js';
import {say} from '../state/act.js';
import {t} from '../strings.js';

/** The binding a key means now: the first, in the active contexts' order, whose `when` holds. */
export function bindingFor(state: AppState, env: AppEnv, name: string, contexts: readonly Context[] = activeContexts(state)): Binding | undefined {
	for (const context of contexts) {
		for (const b of BINDINGS) {
			if (b.context === context && b.keys.includes(name) && (!b.when || b.when(state, env))) return b;
		}
	}
	return undefined;
}

/**
 * One key (or paste) applied to the state, through the key table and nothing else. Keys that
 * arrive together are applied one after another, each to the state the one before left.
 */
export function handleKey(state: AppState, env: AppEnv, key: InputEvent): AppState {
	if (state.quitting) return state;
	// A message stays until the next key; whatever that key does may say something new.
	const s = state.flash ? {...state, flash: undefined} : state;
	const contexts = activeContexts(s);
	const typing = contexts.includes('field');
	if (key.name === 'paste') {
		const text = 'text' in key ? (key.text ?? '') : '';
		return typing ? typeText(s, text) : say(s, t(env.lang, 'pasteOutside'));
	}
	const binding = bindingFor(s, env, key.name, contexts);
	if (binding) return binding.run(s, env, key);
	if (typing && 'text' in key && key.text) return typeText(s, key.text);
	// Review mode records reviews, not findings: a recording key says so.
	if (s.reviewer && !s.overlay && bindingFor(s, env, key.name, ['leaf'])) return say(s, t(env.lang, 'reviewModeNoEdits'));
	if (!s.overlay && currentLeaf(env, s) && /^[0-9y]$/.test(key.name)) return say(s, t(env.lang, 'notForRule'));
	return s;
}

export type Hint = {keys: string; label: string};

/**
 * The hint bar: the keys that work here and now, those of the focused panel or overlay first,
 * help and quit always last (the bar drops hints from the middle when it is short of room).
 */
export function hintsFor(state: AppState, env: AppEnv, lang: Lang): Hint[] {
	const hints: Hint[] = [];
	const seen = new Set<string>();
	for (const context of activeContexts(state)) {
		if (context === 'always' || context === 'move') continue;
		for (const b of BINDINGS) {
			if (b.context !== context || !b.hint || (b.edits && state.readOnly) || (b.when && !b.when(state, env))) continue;
			const label = b.hint === true ? b.label[lang] : b.hint[lang];
			const keys = hintKeys(b);
			// One hint per key, and per action (Enter and Ctrl+S both save a one-line field).
			if (seen.has(keys) || seen.has(`label:${label}`)) continue;
			seen.add(keys);
			seen.add(`label:${label}`);
			hints.push({keys, label});
		}
	}
	const last = hints.filter(h => h.keys === '?' || h.keys === 'q');
	return [...hints.filter(h => !last.includes(h)), ...last];
}
