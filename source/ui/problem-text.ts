import type {Lang} from '../domain/text.js';
import {describeFsError} from '../storage/fs-errors.js';

const ZH: Record<string, string> = {
	ENOENT: '不存在',
	EACCES: '没有权限',
	EPERM: '没有权限',
	EISDIR: '是文件夹，不是文件',
	ENOTDIR: '路径中有一部分不是文件夹',
	ENOSPC: '磁盘已满',
	EROFS: '磁盘为只读',
	EDQUOT: '磁盘配额已用完',
	ELOOP: '路径中的符号链接成环',
	ENAMETOOLONG: '名称过长',
	EEXIST: '已存在',
	EBUSY: '文件正被占用',
	EMFILE: '打开的文件过多',
};

/**
 * Why something failed, as the TUI says it: a system error (ENOTDIR, EACCES …) in words of the
 * user's language with its path, the code kept only in brackets; any other error as its message
 * (the storage layer's messages are in English: file, place, problem).
 */
export function problemText(lang: Lang, error: unknown): string {
	const e = error as (NodeJS.ErrnoException & {path?: string}) | undefined;
	const code = e?.code;
	if (typeof code === 'string' && /^E[A-Z]+$/.test(code) && error instanceof Error && error.message.startsWith(`${code}:`)) {
		const path = e?.path ? `${e.path}: ` : '';
		const words = lang === 'zh' ? (ZH[code] ?? '系统错误') : describeFsError(error);
		return `${path}${words === error.message ? `system error` : words} (${code})`;
	}
	return error instanceof Error ? error.message : String(error);
}
