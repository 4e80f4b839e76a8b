import {spawnSync} from 'node:child_process';
import {fileURLToPath} from 'node:url';

/** /usr/bin/python3 with openpyxl, when installed (python3-openpyxl): an independent reader of our workbooks. */
export const openpyxl = ['/usr/bin/python3', 'python3'].find(py => spawnSync(py, ['-c', 'import openpyxl'], {encoding: 'utf8'}).status === 0);

export type DumpedSheet = {name: string; rows: unknown[][]; formats: string[][]; freeze: string | null; filter: string | null; merges: string[]};

/** Every sheet of a workbook as openpyxl reads it: values (dates as {date: ISO}), formats, frozen panes, filter, merges. */
export function readWithOpenpyxl(file: string): DumpedSheet[] {
	const script = fileURLToPath(new URL('./dump-xlsx.py', import.meta.url));
	const r = spawnSync(openpyxl!, [script, file], {encoding: 'utf8', maxBuffer: 64 * 1024 * 1024});
	if (r.status !== 0) throw new Error(`openpyxl could not read ${file}: ${r.stderr}`);
	return (JSON.parse(r.stdout) as {sheets: DumpedSheet[]}).sheets;
}

export const sheetOf = (sheets: DumpedSheet[], name: string): DumpedSheet => {
	const s = sheets.find(x => x.name === name);
	if (!s) throw new Error(`no sheet ${name} in ${sheets.map(x => x.name).join(', ')}`);
	return s;
};
