import {mkdirSync, readFileSync, lstatSync, existsSync} from 'node:fs';
import {UserError} from '../../storage/user-error.js';
import {describeFsError} from '../../storage/fs-errors.js';
import {writeFileDurably} from '../../storage/durable-json-file.js';
import {join, resolve, dirname} from 'node:path';
import type {Command} from '../command.js';
import {stringOption} from '../command.js';
import {SCHEMA_FILES, jsonSchemaText} from '../../storage/json-schemas.js';

export const schemasCommand: Command = {
	name: 'schemas',
	usage: 'assess schemas [--write <folder>] [--check <folder>]',
	summary: 'print or write the JSON Schemas of every file kind',
	help: `Prints the JSON Schemas generated from the program's own schemas, or writes them into a
folder (--write), or checks that a folder holds them unchanged (--check, exit 2 when not).`,
	options: {write: {type: 'string'}, check: {type: 'string'}},
	positionals: {min: 0, max: 0},
	async run(args, io) {
		const write = stringOption(args, 'write');
		const check = stringOption(args, 'check');
		if (write) {
			const dir = resolve(io.cwd, write);
			if (lstatSync(dir, {throwIfNoEntry: false})?.isDirectory() === false) throw UserError.of(write, 'is not a folder; --write takes the folder the schemas go into');
			try {
				makeFolders(dir);
			} catch (error) {
				throw UserError.of(write, `cannot be created: ${describeFsError(error)}`);
			}
			for (const [name, schema] of Object.entries(SCHEMA_FILES)) await writeFileDurably(join(dir, name), jsonSchemaText(schema), {keepPrevious: false});
			io.err(`Wrote ${Object.keys(SCHEMA_FILES).length} schemas to ${write}.`);
			return 0;
		}
		if (check) {
			const stale = Object.entries(SCHEMA_FILES).filter(([name, schema]) => {
				try {
					return readFileSync(join(resolve(io.cwd, check), name), 'utf8') !== jsonSchemaText(schema);
				} catch {
					return true;
				}
			});
			for (const [name] of stale) io.err(`${join(check, name)}: out of date; run \`npm run schemas\``);
			return stale.length ? 2 : 0;
		}
		io.out(JSON.stringify(Object.fromEntries(Object.entries(SCHEMA_FILES).map(([n, s]) => [n, JSON.parse(jsonSchemaText(s))])), null, 2));
		return 0;
	},
};

/**
 * mkdir -p, one level at a time: Node's recursive mkdir loops forever where a parent refuses
 * new entries with ENOENT (/proc).
 */
function makeFolders(dir: string): void {
	const missing: string[] = [];
	for (let at = dir; !existsSync(at); at = dirname(at)) {
		missing.unshift(at);
		if (dirname(at) === at) break;
	}
	for (const folder of missing) mkdirSync(folder);
}
