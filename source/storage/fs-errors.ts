/** A file-system error in words a person can act on (the code's meaning, not the code). */
export function describeFsError(error: unknown): string {
	const code = (error as NodeJS.ErrnoException | undefined)?.code;
	switch (code) {
		case 'ENOENT':
			return 'does not exist';
		case 'EACCES':
		case 'EPERM':
			return 'permission denied';
		case 'EISDIR':
			return 'is a folder, not a file';
		case 'ENOTDIR':
			return 'a part of its path is not a folder';
		case 'ENOSPC':
			return 'the disk is full';
		case 'EROFS':
			return 'the disk is read-only';
		case 'EDQUOT':
			return 'the disk quota is used up';
		case 'ELOOP':
			return 'its path has a loop of symbolic links';
		case 'ENAMETOOLONG':
			return 'its name is too long';
		case 'EEXIST':
			return 'already exists';
		default:
			return error instanceof Error ? error.message : String(error);
	}
}
