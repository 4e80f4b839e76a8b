import {describe, it, expect, beforeAll} from 'vitest';
import {spawnSync} from 'node:child_process';
import {mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {runCli, tempDir} from '../helpers/run-cli.js';
import {loadCommands} from '../../source/cli/command-table.js';

const COMMANDS = await loadCommands();

const has = (shell: string) => spawnSync(shell, ['--version']).status === 0;
for (const shell of ['bash', 'zsh', 'fish']) if (!has(shell)) console.warn(`SKIPPED the ${shell} completion tests: ${shell} is not installed.`);

/** A folder to complete file names in: a workspace, a text file, a folder. */
let dir: string;
const scripts: Record<string, string> = {};
beforeAll(() => {
	dir = tempDir('assess-completion-');
	writeFileSync(join(dir, 'zhang.json'), '{}');
	writeFileSync(join(dir, 'notes.txt'), '');
	mkdirSync(join(dir, 'workspaces'));
	for (const shell of ['bash', 'zsh', 'fish', 'powershell']) {
		const r = runCli(['completion', shell]);
		expect(r.code, r.stderr).toBe(0);
		scripts[shell] = join(dir, `..`, `${dir.split('/').pop()}.${shell}`);
		writeFileSync(scripts[shell]!, r.stdout);
	}
});

/**
 * What bash offers: the script sourced in a real bash, and its completion function called as
 * bash calls it, with the words as bash splits them ("--lang=z" is "--lang" "=" "z").
 */
function bash(...words: string[]): string[] {
	const program = `source "$1"; shift; complete -p assess >/dev/null || exit 9
COMP_WORDS=("$@"); COMP_CWORD=$((\${#COMP_WORDS[@]} - 1)); COMP_LINE="$*"; COMP_POINT=\${#COMP_LINE}
_assess_complete; printf '%s\\n' "\${COMPREPLY[@]}"`;
	const r = spawnSync('bash', ['--norc', '--noprofile', '-c', program, 'bash', scripts.bash!, ...words], {cwd: dir, encoding: 'utf8'});
	expect(r.status, r.stderr).toBe(0);
	return r.stdout.split('\n').filter(Boolean).sort();
}

/** What fish offers (fish's own `complete -C`). */
function fish(line: string): string[] {
	const r = spawnSync('fish', ['--no-config', '-c', `source ${scripts.fish}; complete -C '${line}'`], {cwd: dir, encoding: 'utf8'});
	expect(r.status, r.stderr).toBe(0);
	return r.stdout.split('\n').filter(Boolean).map(l => l.split('\t')[0]!);
}

/** What zsh offers: a real interactive zsh in a pseudo-terminal (zpty), compinit, the script, a Tab. */
function zsh(line: string): string[] {
	const hits = join(dir, '..', `${dir.split('/').pop()}.hits`);
	// Keys are typed only once zle waits at the prompt (typed earlier, the terminal would take them as plain text).
	const capture = `zmodload zsh/zpty
zpty z zsh -f -i
zpty -w z "PS1='zsh-ready> '; cd \${(q)1}; autoload -U compinit; compinit -u -D; source \${(q)2}"
zpty -w z "compadd () { local -a __hits; builtin compadd -O __hits \\"\\$@\\"; (( \\$#__hits )) && print -rl -- \\$__hits >> \${(q)3}; builtin compadd \\"\\$@\\" }"
zpty -w z "print -r -- READY-\\$((6*7))"
local out
while zpty -r z out; do [[ $out == *READY-42* ]] && break; done
zpty -r z out '*zsh-ready> '
: > $3
zpty -w -n z "$4"$'\\t'$'\\C-u'
zpty -w z "print -r -- DONE-\\$((6*7))"
while zpty -r z out; do [[ $out == *DONE-42* ]] && break; done
zpty -d z`;
	const r = spawnSync('zsh', ['-f', '-c', capture, 'zsh', dir, scripts.zsh!, hits, line], {encoding: 'utf8', timeout: 20_000});
	expect(r.status, r.stderr).toBe(0);
	return [...new Set(readFileSync(hits, 'utf8').split('\n').filter(Boolean))].sort();
}

const names = COMMANDS.map(c => c.name);

describe.skipIf(!has('bash'))('bash completion (assess completion bash, sourced in a real bash)', () => {
	it('completes the commands of the command table', () => {
		expect(bash('assess', '')).toEqual([...names].sort());
		expect(bash('assess', 'sc')).toEqual(['schemas', 'score']);
		expect(bash('assess', 'setup')).toEqual(['setup-git']);
		expect(bash('assess', '-')).toEqual(['--by', '--help', '--lang', '--version', '--weights', '-V', '-h'].sort());
	});

	it("completes every command's own options, from its options", () => {
		for (const command of COMMANDS) {
			// Every command takes --lang (main reads it for all of them).
			const expected = [...new Set([...Object.keys(command.options).map(o => `--${o}`), '--help', '--lang'])].sort();
			expect(bash('assess', command.name, '--'), command.name).toEqual(expected);
		}
		expect(bash('assess', 'init', 'w.json', '--s')).toEqual(['--sample-plan', '--self-review', '--system']);
	});

	it('completes option values: languages, formats, statuses, bundled systems, files', () => {
		expect(bash('assess', 'open', '--lang', '')).toEqual(['en', 'zh']);
		expect(bash('assess', '--lang', '')).toEqual(['en', 'zh']);
		expect(bash('assess', 'open', '--lang', '=', 'z')).toEqual(['zh']);
		expect(bash('assess', 'export', 'zhang.json', '--format', '')).toEqual(['csv', 'json', 'xlsx']);
		expect(bash('assess', 'record', 'zhang.json', '110000', '1.1.1', 'y', '--status', '')).toEqual(['done', 'draft', 'flagged', 'na']);
		expect(bash('assess', 'init', 'w.json', '--system', '')).toEqual(['2020-city', '2020-province', 'workspaces', 'zhang.json']);
		expect(bash('assess', 'merge', 'zhang.json', '-o', '')).toEqual(['notes.txt', 'workspaces', 'zhang.json']);
		expect(bash('assess', 'record', 'zhang.json', '110000', '1.1.1', 'y', '--note', '')).toEqual([]);
	});

	it('completes positional arguments: workspace files, shells, folders, nothing for free text', () => {
		expect(bash('assess', 'score', '')).toEqual(['workspaces', 'zhang.json']);
		expect(bash('assess', 'score', 'z')).toEqual(['zhang.json']);
		// A flag's value is not the command, nor a positional argument.
		expect(bash('assess', '--lang', 'zh', 'sc')).toEqual(['schemas', 'score']);
		expect(bash('assess', 'record', 'zhang.json', '')).toEqual([]);
		expect(bash('assess', 'record', '--by', '张三', '')).toEqual(['workspaces', 'zhang.json']);
		expect(bash('assess', 'completion', '')).toEqual(['bash', 'fish', 'powershell', 'zsh']);
		expect(bash('assess', 'setup-git', '')).toEqual(['workspaces']);
		expect(bash('assess', 'search', '')).toEqual([]);
	});
});

describe.skipIf(!has('zsh'))('zsh completion (a real interactive zsh)', () => {
	it('completes commands, options, values and files', () => {
		expect(zsh('assess sc')).toEqual(['schemas', 'score']);
		expect(zsh('assess init w.json --sys')).toEqual(['--system']);
		expect(zsh('assess init w.json --system ')).toEqual(['2020-city', '2020-province', 'workspaces', 'zhang.json']);
		expect(zsh('assess open --lang ')).toEqual(['en', 'zh']);
		expect(zsh('assess export zhang.json --format=')).toEqual(['csv', 'json', 'xlsx']);
		expect(zsh('assess score ')).toEqual(['workspaces', 'zhang.json']);
		expect(zsh('assess completion ')).toEqual(['bash', 'fish', 'powershell', 'zsh']);
	});
});

describe.skipIf(!has('fish'))('fish completion (fish\'s own complete -C)', () => {
	it('completes commands with their summaries, options, values and files', () => {
		expect(fish('assess sc').sort()).toEqual(['schemas', 'score']);
		const described = spawnSync('fish', ['--no-config', '-c', `source ${scripts.fish}; complete -C 'assess doc'`], {cwd: dir, encoding: 'utf8'}).stdout;
		expect(described).toBe(`doctor\t${COMMANDS.find(c => c.name === 'doctor')!.summary.en}\n`);
		expect(fish('assess open --lang ').sort()).toEqual(['en', 'zh']);
		expect(fish('assess export zhang.json --format=').sort()).toEqual(['--format=csv', '--format=json', '--format=xlsx']);
		expect(fish('assess merge zhang.json --').sort()).toEqual(['--assessor', '--dry-run', '--help', '--json', '--lang', '--output']);
		// Files: fish's own __fish_complete_suffix offers every file, the workspace files first.
		expect(fish('assess score ')).toEqual(expect.arrayContaining(['workspaces/', 'zhang.json']));
		expect(fish('assess completion ').sort()).toEqual(['bash', 'fish', 'powershell', 'zsh']);
	});
});

describe('every shell', () => {
	it('gets a script made from the same table: every command and option is in each', () => {
		for (const shell of ['bash', 'zsh', 'fish', 'powershell']) {
			const text = readFileSync(scripts[shell]!, 'utf8');
			for (const command of COMMANDS) {
				expect(text, `${shell}: ${command.name}`).toContain(command.name);
				for (const option of Object.keys(command.options)) expect(text, `${shell}: ${command.name} --${option}`).toContain(shell === 'fish' ? `-l ${option}` : `--${option}`);
			}
		}
		expect(readFileSync(scripts.powershell!, 'utf8')).toMatch(/^Register-ArgumentCompleter -Native -CommandName assess/m);
	});

	it('refuses a shell it does not know, naming the ones it does', () => {
		const r = runCli(['completion', 'tcsh']);
		expect(r.code).toBe(2);
		expect(r.stderr).toContain('unknown shell "tcsh": one of bash, zsh, fish, powershell');
	});
});
