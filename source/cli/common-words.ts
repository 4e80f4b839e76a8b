import {messages} from '../domain/words/message.js';

/** Words several commands say the same way. */
export const COMMON = messages('cli/common', {
	warning: {zh: '警告：{text}', en: 'warning: {text}'},
	note: {zh: '注意：{text}', en: 'note: {text}'},
	mergedMeanwhile: {zh: '{file} 在本命令运行期间被其他程序修改；两个版本已合并。', en: '{file} was changed by another program while this ran; both versions were merged.'},
	mergedMeanwhileCounts: {zh: '{file} 在本命令运行期间被其他程序修改；两个版本已合并（取自该版本的评估结论 {fromDisk} 条，冲突 {conflicts} 处）。', en: '{file} was changed by another program while this ran; both versions were merged ({fromDisk} {fromDisk|finding|findings} from it, {conflicts} {conflicts|conflict|conflicts}).'},
	andMore: {zh: '{list} 等（另有 {n} 个）', en: '{list} and {n} more'},
	nothingChanged: {zh: '未作任何改动', en: 'nothing was changed'},
	byRequired: {zh: '必须给出 --by <姓名>：{why}', en: '--by <name> is required: {why}'},
});
