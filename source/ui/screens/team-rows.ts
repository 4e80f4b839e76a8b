import type {Lang} from '../../domain/text.js';
import type {StatusCounts, TeamStatus} from '../../domain/team/team-status.js';
import {fromFile} from '../display.js';
import {localTime} from '../local-time.js';
import {t, type StringId} from '../strings.js';
import {spotCheckText, teamTitleText} from '../review-messages.js';
import {cellWidth, padEnd, padStart, truncate} from '../../text/cell-width.js';

/**
 * One line of the team screen. `row`s are selectable (the cursor moves over them; a region's
 * opens it); `header` names the columns of the table under it; `of`: the header of a row's table,
 * which the screen keeps in view while the table scrolls.
 */
export type TeamLine = {kind: 'header' | 'row' | 'note' | 'blank'; text: string; region?: string; tone?: 'warn' | 'good' | 'muted'; of?: number};

export type TeamView = {title: string; lines: TeamLine[]};

const COUNTS: readonly StringId[] = ['teamScored', 'teamSubmitted', 'teamWaiting', 'teamAccepted', 'teamReturned', 'teamConflicts'];

/** When a change was made: the date too on a wide screen, month and day otherwise. */
const when = (iso: string | null, wide: boolean) => (iso ? (wide ? localTime(iso) : localTime(iso).slice(5)) : '-');

/**
 * The team's progress as lines of `width` cells: per assessor and per region — scored,
 * submitted, waiting, accepted, returned, conflicts, last change — then reviewers and spot
 * checks (`teamStatus`, the numbers of `assess status`). Names are file text (through the boundary).
 */
export function teamView(status: TeamStatus, lang: Lang, width: number): TeamView {
	const wide = width >= 100;
	const counts = COUNTS.map(id => Math.max(5, cellWidth(t(lang, id))) + 1);
	const lastWidth = Math.max(cellWidth(t(lang, 'teamLast')), wide ? 16 : 11) + 1;
	const reviewerWidth = wide ? 12 : 0;
	const fixed = counts.reduce((a, b) => a + b, 0) + lastWidth;
	const nameWidth = Math.max(8, Math.min(20, width - 2 - fixed - reviewerWidth));
	const name = (text: string) => padEnd(truncate(text, nameWidth), nameWidth);
	const cells = (values: readonly string[], widths: readonly number[]) => values.map((v, i) => padStart(v, widths[i]!)).join('');
	const head = (title: string, ids: readonly StringId[], widths: readonly number[], extra = '') => `${name(title)}${cells(ids.map(id => t(lang, id)), widths)}${padStart(t(lang, 'teamLast'), lastWidth)}${extra}`;
	const countCells = (c: StatusCounts, scored: string) => `${cells([scored, String(c.submitted), String(c.waiting), String(c.accepted), String(c.returned), String(c.conflicts)], counts)}${padStart(when(c.lastChange, wide), lastWidth)}`;
	const tone = (c: StatusCounts, final?: boolean): TeamLine['tone'] => (c.conflicts > 0 || c.returned > 0 ? 'warn' : final ? 'good' : undefined);
	const lines: TeamLine[] = [];
	const table = (header: string) => {
		if (lines.length) lines.push({kind: 'blank', text: ''});
		lines.push({kind: 'header', text: header});
		return lines.length - 1;
	};

	let of = table(head(t(lang, 'teamAssessors'), COUNTS, counts));
	if (status.assessors.length === 0) lines.push({kind: 'note', text: t(lang, 'teamNobody'), tone: 'muted'});
	for (const a of status.assessors) lines.push({kind: 'row', text: `${name(fromFile(a.assessor))}${countCells(a, String(a.scored))}`, tone: tone(a), of});

	if (status.reviewers.length > 0) {
		const ids: StringId[] = ['teamWaiting', 'teamAccepted', 'teamReturned'];
		const widths = ids.map(id => counts[COUNTS.indexOf(id)]!);
		of = table(`${head(t(lang, 'teamReviewers'), ids, widths)}  ${t(lang, 'teamRegions')}`);
		for (const r of status.reviewers) {
			const regions = r.regions.map(code => status.regions.find(x => x.region === code)?.regionName ?? code).map(fromFile).join(lang === 'zh' ? '、' : ', ');
			lines.push({kind: 'row', text: `${name(fromFile(r.reviewer))}${cells([String(r.waiting), String(r.accepted), String(r.returned)], widths)}${padStart(when(r.lastReview, wide), lastWidth)}  ${regions}`, tone: r.returned > 0 ? 'warn' : undefined, of});
		}
	}

	if (status.spotChecks.length > 0) {
		of = table(t(lang, 'teamSpotChecks'));
		for (const s of status.spotChecks) lines.push({kind: 'row', text: spotCheckText(lang, s), tone: s.disagreed > 0 ? 'warn' : undefined, of});
	}

	of = table(head(t(lang, 'teamRegions'), COUNTS, counts, wide ? `  ${t(lang, 'teamReviewer')}` : ''));
	for (const r of status.regions) {
		const reviewer = wide && r.reviewer ? `  ${truncate(fromFile(r.reviewer), reviewerWidth - 2)}` : '';
		lines.push({kind: 'row', text: `${name(fromFile(r.regionName))}${countCells(r, `${r.scored}/${r.leaves}`)}${reviewer}`, region: r.region, tone: tone(r, r.final), of});
	}
	return {title: teamTitleText(lang, status), lines};
}
