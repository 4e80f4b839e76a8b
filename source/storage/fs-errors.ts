import {messages, verbatim, type Message} from '../domain/words/message.js';
import {UserError} from './user-error.js';

const FS = messages('storage/fs-errors', {
	ENOENT: {zh: '不存在', en: 'does not exist'},
	EACCES: {zh: '没有权限', en: 'permission denied'},
	EISDIR: {zh: '是文件夹，不是文件', en: 'is a folder, not a file'},
	ENOTDIR: {zh: '路径中有一部分不是文件夹', en: 'a part of its path is not a folder'},
	ENOSPC: {zh: '磁盘已满', en: 'the disk is full'},
	EROFS: {zh: '磁盘为只读', en: 'the disk is read-only'},
	EDQUOT: {zh: '磁盘配额已用完', en: 'the disk quota is used up'},
	ELOOP: {zh: '路径中的符号链接形成了循环', en: 'its path has a loop of symbolic links'},
	ENAMETOOLONG: {zh: '名称过长', en: 'its name is too long'},
	EEXIST: {zh: '已存在', en: 'already exists'},
	EBUSY: {zh: '文件正被占用', en: 'the file is busy'},
	EMFILE: {zh: '打开的文件过多', en: 'too many open files'},
	other: {zh: '系统错误（{code}）', en: '{english}'},
});

/** Whether a UserError says a file does not exist (ENOENT, as `fsProblem` words it). */
export const saysNotFound = (error: unknown): boolean => error instanceof UserError && error.issues[0]?.problem.entry === NOT_FOUND;
const NOT_FOUND = FS.ENOENT().entry;

/** A file-system error in words a person can act on (the code's meaning, not the code), in both languages. */
export function fsProblem(error: unknown): Message {
	const code = (error as NodeJS.ErrnoException | undefined)?.code;
	switch (code) {
		case 'ENOENT':
		case 'EACCES':
		case 'EISDIR':
		case 'ENOTDIR':
		case 'ENOSPC':
		case 'EROFS':
		case 'EDQUOT':
		case 'ELOOP':
		case 'ENAMETOOLONG':
		case 'EEXIST':
		case 'EBUSY':
		case 'EMFILE':
			return FS[code]();
		case 'EPERM':
			return FS.EACCES();
	}
	const message = error instanceof Error ? error.message : String(error);
	return typeof code === 'string' && /^E[A-Z0-9]+$/.test(code) ? FS.other({code, english: message}) : verbatim(message);
}

