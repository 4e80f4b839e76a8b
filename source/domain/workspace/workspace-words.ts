import {messages} from '../words/message.js';

/** What is wrong with a workspace file, as the schema, the checks against its system and the storage layer say it. */
export const WORKSPACE_ISSUES = messages('domain/workspace', {
	keyShouldBe: {zh: '键应为 "{key}"', en: 'the key should be "{key}"'},
	regionNotListed: {zh: '地区 "{region}" 不在本工作区的地区列表中', en: 'region "{region}" is not in this workspace\'s regions'},
	regionTwice: {zh: '有地区被列了两次', en: 'a region is listed twice'},
	notRegionCode: {zh: '"{region}" 不是地区代码（六位数字或大写字母，如 "110000"）', en: '"{region}" is not a region code (six digits or capitals, like "110000")'},
	otherSystem: {zh: '此工作区属于指标体系 "{was}"，不是 "{now}"', en: 'the workspace is for system "{was}", not "{now}"'},
	unknownRegion: {zh: '未知的地区代码 "{code}"（见 indicators/regions.json）', en: 'unknown region code "{code}" (see indicators/regions.json)'},
	notIndicator: {zh: '"{code}" 不是 {system} 的评估指标', en: '"{code}" is not an indicator of {system}'},
	notLeaf: {zh: '"{code}" 不是末级指标；只有末级指标才记录评估结论', en: '"{code}" is not a leaf; only leaves take findings'},
	objectByKey: {zh: '应为按键排列的 {name} 对象', en: 'expected an object of {name} by key'},
	times: {zh: '时间应为带时区的 ISO 8601 格式，如 2026-11-23T09:30:00Z', en: 'times are ISO 8601 with a zone, like 2026-11-23T09:30:00Z'},
	storedName: {zh: '存放的证据文件以其 SHA-256 命名', en: 'a stored evidence file is named by its SHA-256'},
	notObject: {zh: '工作区应为一个 JSON 对象', en: 'a workspace is a JSON object'},
	noFormat: {zh: '应有格式版本号（本程序写入的版本为 {current}）', en: 'expected a format version number (this program writes {current})'},
	newerFormat: {zh: '格式 {version} 由更新版本的 assess 写入（本程序最多读取到 {current}）；请升级', en: 'format {version} was written by a newer version of assess (this one reads up to {current}); please upgrade'},
	noUpgrade: {zh: '不知道如何从格式 {version} 升级', en: 'no upgrade from format {version} is known'},
});
