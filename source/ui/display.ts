import {terminalSafe} from '../text/terminal-safe.js';
import {pick, type Lang, type LocalizedText} from '../domain/text.js';
import type {SystemIndex} from '../domain/system/system-index.js';
import type {Tier} from '../domain/system/system-schema.js';
import {totalText, rankText, tierText} from '../domain/scoring/provisional.js';
import type {LockHolder} from '../storage/workspace-lock.js';

/**
 * Display strings made from what files hold (a system's names and tier labels, regions, the
 * catalog, a workspace's assessors, notes, reasons and evidence, a lock's holder), each through
 * the output boundary (`terminalSafe`) before a view measures, pads or cuts it, so a hostile
 * name is shown as visible codes and still lines up. The Text component is the boundary that
 * holds for anything else.
 */
export const fromFile = terminalSafe;

/** A localized name from a file (an indicator's, a level's, a unit's). */
export const localized = (text: LocalizedText, lang: Lang): string => terminalSafe(pick(text, lang));

/** An indicator's name by its code. */
export function nodeName(index: SystemIndex, code: string, lang: Lang): string {
	const node = index.nodes.get(code);
	return node ? localized(node.node.name, lang) : '';
}

export const tierLabel = (tier: Tier | null | undefined, lang: Lang): string | null => (tier ? localized(tier.label, lang) : null);

export const holderName = (h: LockHolder): {user: string; host: string} => ({user: terminalSafe(h.user), host: terminalSafe(h.host)});

/**
 * Totals, ranks and tiers through the domain's words for provisional results (`*`, coverage),
 * with the TUI's `-` for "none yet" (the domain's dash is an East Asian ambiguous-width glyph).
 */
export const shownTotal = (total: number | null | undefined, coverage: number, final: boolean, lang: Lang): string => (total == null ? '-' : totalText(total, coverage, final, lang));
export const shownRank = (rank: number | null | undefined, final: boolean): string => (rank == null ? '-' : rankText(rank, final));
export const shownTier = (tier: string | null, final: boolean): string => (tier === null ? '-' : tierText(tier, final));
