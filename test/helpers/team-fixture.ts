import {testWorkspace, index} from './render-tui.js';
import {applyChange} from '../../source/domain/workspace/workspace-ops.js';
import {changeReviewPolicy} from '../../source/domain/review/review-policy.js';
import {reviewFinding} from '../../source/domain/review/review-finding.js';
import {mergeWorkspaces} from '../../source/domain/merge/merge-workspaces.js';
import {findingKey, type Workspace} from '../../source/domain/workspace/workspace-schema.js';

/**
 * A merged team file for the TUI's team screen and comparison: 张三 submitted the yes/no leaves
 * of the first ten in 北京 and 上海, 李四 those of the first six in 上海 and 江苏 (disagreeing with
 * 张三 on 1.1.1 in 上海: a conflict, and a spot check of it); review required, 王五 reviews 北京
 * and 上海, 赵六 江苏; 王五 accepted 1.2.1 in 上海 and returned 1.1.1 in 北京.
 */
export function teamWorkspace(codes: readonly string[] = ['110000', '310000', '320000', '650000']): Workspace {
	const at = '2026-11-23T09:00:00.000Z';
	let a = testWorkspace([...codes]);
	for (const l of index.leaves.slice(0, 10)) if (l.rule!.type === 'yesno') a = applyChange(a, ['110000', '310000'], l.code, {value: {type: 'yesno', met: true}, status: 'done'}, '张三', at);
	let b = testWorkspace([...codes]);
	for (const l of index.leaves.slice(0, 6)) if (l.rule!.type === 'yesno') b = applyChange(b, ['310000', '320000'], l.code, {value: {type: 'yesno', met: l.code !== '1.1.1'}, status: 'done'}, '李四', '2026-11-23T10:00:00.000Z');
	const merged = mergeWorkspaces([a, b], {id: 'team', assessor: '组长', createdAt: at});
	if (!merged.ok) throw new Error('the fixture does not merge');
	let ws = changeReviewPolicy(merged.value.workspace, {reviewRequired: true, reviewers: {'110000': '王五', '310000': '王五', '320000': '赵六'}}, '组长', at);
	const review = (region: string, code: string, decision: 'accept' | 'return', note?: string) => {
		const key = findingKey(region, code);
		ws = {...ws, findings: {...ws.findings, [key]: reviewFinding(ws.findings[key]!, decision, '王五', '2026-11-24T10:00:00.000Z', note)}};
	};
	review('110000', '1.1.1', 'return', '看不清');
	review('310000', '1.2.1', 'accept');
	const rev = a.findings[findingKey('310000', '1.1.1')]!.rev;
	return {...ws, spotChecks: [{id: '0123456789abcdef', source: {id: a.id, file: 'zhang.json', assessor: '张三'}, assessor: '李四', by: '组长', at, share: 0.1, seed: 42, leaves: [{region: '310000', indicator: '1.1.1', rev}]}]};
}
