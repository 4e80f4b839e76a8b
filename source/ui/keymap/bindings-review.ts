import type {Binding} from './key-table.js';
import type {AppEnv, AppState} from '../state/app-state.js';
import {currentLeaf} from '../state/derive.js';
import * as go from '../actions/nav-actions.js';
import {walkReview, acceptFinding, askReturn} from '../actions/review-actions.js';
import {markForCompare, compareOther, openTeamRow} from '../actions/board-actions.js';

const onLeaf = (s: AppState, env: AppEnv) => currentLeaf(env, s) !== undefined;

/**
 * The keys of review mode (`assess open --review --by <name>`), the team screen and the
 * scoreboard's comparison of two regions. Review mode's keys come before the screen's own
 * (n and N walk what waits for review there), and a leaf's recording keys are not active in it.
 */
export const REVIEW_BINDINGS: readonly Binding[] = [
	{id: 'reviewNext', context: 'review', keys: ['n'], label: {zh: '下一项等待审核的结论（先审你负责的地区）', en: 'next finding waiting for your review (your own regions first)'}, hint: {zh: '下一待审', en: 'next waiting'}, run: (s, env) => walkReview(s, env, 1)},
	{id: 'reviewPrev', context: 'review', keys: ['N'], label: {zh: '上一项等待审核的结论', en: 'previous finding waiting for review'}, run: (s, env) => walkReview(s, env, -1)},
	{id: 'accept', edits: true, context: 'review', keys: ['a'], label: {zh: '通过此结论', en: 'accept the finding'}, hint: {zh: '通过', en: 'accept'}, when: onLeaf, run: acceptFinding},
	{id: 'return', edits: true, context: 'review', keys: ['R'], label: {zh: '退回给评估人（须填写说明）', en: 'return it to the assessor (with a note, required)'}, hint: {zh: '退回', en: 'return'}, when: onLeaf, run: askReturn},

	{id: 'compareMark', context: 'scoreboard', keys: ['m', 'space'], label: {zh: '标记地区；再标记另一个即并排对比（再按一次取消）', en: 'mark a region; mark another to see the two side by side (again: unmark)'}, hint: {zh: '标记对比', en: 'compare'}, run: markForCompare},

	{id: 'compareNextRegion', context: 'compare', keys: [']'], label: {zh: '与排行榜中的下一个地区对比', en: 'compare with the next region of the scoreboard'}, hint: {zh: '换地区', en: 'other region'}, run: (s, env) => compareOther(s, env, 1)},
	{id: 'comparePrevRegion', context: 'compare', keys: ['['], label: {zh: '与排行榜中的上一个地区对比', en: 'compare with the previous region of the scoreboard'}, run: (s, env) => compareOther(s, env, -1)},
	{id: 'compareBack', context: 'compare', keys: ['escape', 'left', 'h'], label: {zh: '回到排行榜（第一个地区仍保持标记）', en: 'back to the scoreboard (the first region stays marked)'}, hint: {zh: '返回', en: 'back'}, run: go.back},

	{id: 'openTeamRow', context: 'team', keys: ['enter'], label: {zh: '打开所选地区', en: 'open the selected region'}, hint: {zh: '打开', en: 'open'}, run: openTeamRow},
	{id: 'teamBack', context: 'team', keys: ['escape', 'left', 'h'], label: {zh: '返回', en: 'back'}, hint: {zh: '返回', en: 'back'}, run: go.back},
];
