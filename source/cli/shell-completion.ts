import {commandText, type Command} from './command.js';
import type {Lang} from '../domain/text.js';

/**
 * Shell completion scripts for bash, zsh, fish and PowerShell, generated from the command table
 * (every command's name, summary and options), so a new command or option completes without
 * anyone editing a script. The scripts are static: completing never starts Node.
 */

export const SHELLS = ['bash', 'zsh', 'fish', 'powershell'] as const;
export type Shell = (typeof SHELLS)[number];

/** What a value completes to: a fixed list, files (of a kind), folders, or nothing (free text). */
export type ValueKind = {enum: readonly string[]; files?: 'json'} | {files: 'any' | 'json'} | {dirs: true} | {text: true};

/** What the values of options complete to, by option name; any other string option takes a file. */
export function optionValueKinds(systems: readonly string[]): Record<string, ValueKind> {
	return {
		lang: {enum: ['zh', 'en']},
		format: {enum: ['xlsx', 'csv', 'json']},
		status: {enum: ['draft', 'done', 'flagged', 'na']},
		system: {enum: systems, files: 'json'},
		weights: {files: 'json'},
		write: {dirs: true},
		assessor: {text: true},
		by: {text: true},
		note: {text: true},
		reason: {text: true},
		regions: {text: true},
		limit: {text: true},
		seed: {text: true},
		share: {text: true},
	};
}

/** What each command's positional arguments complete to (the last repeats); workspace files unless said. */
const POSITIONALS: Record<string, readonly ValueKind[]> = {
	completion: [{enum: SHELLS}],
	'setup-git': [{dirs: true}],
	search: [{text: true}],
	record: [{files: 'json'}, {text: true}],
	'merge-driver': [{files: 'any'}],
	doctor: [],
	schemas: [],
};

export type OptionSpec = {name: string; short?: string; takesValue: boolean; multiple: boolean; value: ValueKind};
export type CommandSpec = {name: string; summary: string; options: OptionSpec[]; positionals: readonly ValueKind[]};

/** The command table as completion sees it. */
export function completionSpec(commands: readonly Command[], systems: readonly string[], lang: Lang = 'en'): CommandSpec[] {
	const kinds = optionValueKinds(systems);
	const text: ValueKind = {text: true};
	return commands.map((c): CommandSpec => ({
		name: c.name,
		summary: commandText(lang, c.summary),
		options: [
			// Every command takes --lang (main reads it for all of them).
			...Object.entries({lang: {type: 'string'}, ...c.options} as Command['options']).map(([name, o]) => ({
				name,
				short: o.short,
				takesValue: o.type === 'string',
				multiple: Boolean(o.multiple),
				value: o.type === 'string' ? (kinds[name] ?? {files: 'any'}) : text,
			})),
			{name: 'help', short: 'h', takesValue: false, multiple: false, value: text},
		],
		positionals: POSITIONALS[c.name] ?? [{files: 'json'}],
	}));
}

const GLOBAL_FLAGS = ['--help', '-h', '--version', '-V'];

export function completionScript(shell: Shell, spec: readonly CommandSpec[]): string {
	switch (shell) {
		case 'bash':
			return bashScript(spec);
		case 'zsh':
			return zshScript(spec);
		case 'fish':
			return fishScript(spec);
		case 'powershell':
			return powershellScript(spec);
	}
}

const flagsOf = (o: OptionSpec) => [`--${o.name}`, ...(o.short ? [`-${o.short}`] : [])];
const sq = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;

// ---------------------------------------------------------------------------------------------
// bash: one function; COMP_WORDS is walked to find the command and the positional's index.

function bashValue(kind: ValueKind): string {
	const parts: string[] = [];
	if ('enum' in kind) parts.push(`_assess_words ${sq(kind.enum.join(' '))}`);
	if ('files' in kind && kind.files) parts.push(kind.files === 'json' ? '_assess_files json' : '_assess_files');
	if ('dirs' in kind) parts.push('_assess_dirs');
	return parts.length ? parts.join('; ') : ':';
}

function bashScript(spec: readonly CommandSpec[]): string {
	const open = spec.find(c => c.name === 'open');
	const valueFlags = (c: CommandSpec | undefined) => (c ? c.options.filter(o => o.takesValue).flatMap(flagsOf) : []);
	const cases = spec.map(c => {
		const valueCases = c.options.filter(o => o.takesValue).map(o => `\t\t\t\t${flagsOf(o).join('|')}) ${bashValue(o.value)}; return ;;`);
		const positionals = c.positionals.map((kind, i) => `\t\t\t\t${i === c.positionals.length - 1 ? '*' : i}) ${bashValue(kind)} ;;`);
		return [
			`\t\t${c.name})`,
			`\t\t\tvalue_flags=${sq(valueFlags(c).join(' '))}`,
			`\t\t\tflags=${sq(c.options.flatMap(o => [`--${o.name}`]).join(' '))}`,
			...(valueCases.length ? [`\t\t\tcase "$prev" in`, ...valueCases, `\t\t\tesac`] : []),
			`\t\t\tif [[ $cur == -* ]]; then _assess_words "$flags"; return; fi`,
			`\t\t\t_assess_position "$value_flags"`,
			...(positionals.length ? [`\t\t\tcase $_assess_n in`, ...positionals, `\t\t\tesac`] : []),
			`\t\t\t;;`,
		].join('\n');
	});
	return `# bash completion for assess (made by \`assess completion bash\`; from its command table).
# Load it in ~/.bashrc:  source <(assess completion bash)
# or install it:         assess completion bash > ~/.local/share/bash-completion/completions/assess

_assess_words() { local IFS=$' \\t\\n'; COMPREPLY+=($(compgen -W "$1" -- "$cur")); }
_assess_dirs() { compopt -o filenames 2>/dev/null; local IFS=$'\\n'; COMPREPLY+=($(compgen -d -- "$cur")); }
_assess_files() {
	compopt -o filenames 2>/dev/null
	local IFS=$'\\n'
	if [[ $1 == json ]]; then
		COMPREPLY+=($(compgen -f -X '!*.json' -- "$cur") $(compgen -d -- "$cur"))
	else
		COMPREPLY+=($(compgen -f -- "$cur"))
	fi
}
# How many positional arguments come before the word being completed (flags and their values skipped).
_assess_position() {
	local i
	_assess_n=0
	for ((i = _assess_start; i < COMP_CWORD; i++)); do
		if _assess_is_flag "$1" "$i"; then ((i += _assess_skip)); else ((_assess_n++)); fi
	done
}
# Is word i a flag? _assess_skip: how many words its value takes after it ("--lang zh": 1; "--lang=zh",
# which bash splits at the "=": 2; a flag without a value: 0).
_assess_is_flag() {
	local word=\${COMP_WORDS[$2]}
	_assess_skip=0
	case $word in
		-*) ;;
		*) return 1 ;;
	esac
	if [[ \${COMP_WORDS[$2 + 1]} == = ]]; then
		_assess_skip=2
	elif [[ $word != *=* && " $1 " == *" $word "* ]]; then
		_assess_skip=1
	fi
	return 0
}

_assess_complete() {
	COMPREPLY=()
	local cur=\${COMP_WORDS[COMP_CWORD]} prev=\${COMP_WORDS[COMP_CWORD-1]} eq=''
	# "--lang=z": bash splits the word at "=" (COMP_WORDBREAKS); where it does not, the value is split off here.
	if [[ $cur == = ]]; then cur=''; prev=\${COMP_WORDS[COMP_CWORD-1]}
	elif [[ $prev == = ]]; then prev=\${COMP_WORDS[COMP_CWORD-2]}
	elif [[ $cur == --*=* ]]; then prev=\${cur%%=*}; eq=\${cur%%=*}=; cur=\${cur#*=}
	fi
	_assess_complete_word
	if [[ -n $eq ]]; then COMPREPLY=("\${COMPREPLY[@]/#/$eq}"); fi
}

_assess_complete_word() {
	local commands=${sq(spec.map(c => c.name).join(' '))}
	local open_value_flags=${sq(valueFlags(open).join(' '))}
	# The command: the first word that is neither a flag nor a flag's value.
	local cmd='' i value_flags flags
	_assess_start=1
	for ((i = 1; i < COMP_CWORD; i++)); do
		if _assess_is_flag "$open_value_flags" "$i"; then ((i += _assess_skip)); continue; fi
		cmd=\${COMP_WORDS[i]}
		_assess_start=$((i + 1))
		break
	done
	if [[ -z $cmd ]]; then
		if [[ $cur == -* ]]; then _assess_words ${sq(GLOBAL_FLAGS.join(' '))}" \${open_value_flags}"; return; fi
		case "$prev" in
${(open?.options ?? []).filter(o => o.takesValue).map(o => `\t\t\t${flagsOf(o).join('|')}) ${bashValue(o.value)}; return ;;`).join('\n')}
		esac
		_assess_words "$commands"
		return
	fi
	case $cmd in
${cases.join('\n')}
	esac
}
complete -F _assess_complete assess
`;
}

// ---------------------------------------------------------------------------------------------
// zsh: _arguments per command, _describe for the commands (with their summaries).

const zq = (text: string) => text.replace(/\\/g, '\\\\').replace(/:/g, '\\:').replace(/\[/g, '\\[').replace(/\]/g, '\\]').replace(/'/g, `'\\''`);

function zshAction(kind: ValueKind): string {
	if ('enum' in kind) return kind.files ? `{compadd -- ${kind.enum.join(' ')}; _files -g "*.json"}` : `(${kind.enum.join(' ')})`;
	if ('dirs' in kind) return '_files -/';
	if ('files' in kind) return kind.files === 'json' ? '_files -g "*.json"' : '_files';
	return ' ';
}

function zshScript(spec: readonly CommandSpec[]): string {
	const commandLines = spec.map(c => `\t\t${sq(`${c.name}:${c.summary.replace(/:/g, '\\:')}`)}`);
	const cases = spec.map(c => {
		const args: string[] = [];
		for (const o of c.options) {
			const star = o.multiple ? '*' : '';
			const value = o.takesValue ? `=:${o.name}:${zshAction(o.value)}` : '';
			args.push(sq(`${star}--${o.name}${value}`));
			if (o.short) args.push(sq(`${star}-${o.short}${o.takesValue ? `+:${o.name}:${zshAction(o.value)}` : ''}`));
		}
		c.positionals.forEach((kind, i) => {
			const last = i === c.positionals.length - 1;
			args.push(sq(`${last ? '*' : `${i + 1}`}:argument:${zshAction(kind)}`));
		});
		return `\t\t(${c.name})\n\t\t\t_arguments -s ${args.join(' ')}\n\t\t\t;;`;
	});
	return `#compdef assess
# zsh completion for assess (made by \`assess completion zsh\`; from its command table).
# Load it in ~/.zshrc, after compinit:  source <(assess completion zsh)
# or install it as _assess in a folder of $fpath: assess completion zsh > ~/.zfunc/_assess

_assess() {
	local -a commands
	commands=(
${commandLines.join('\n')}
	)
	if (( CURRENT == 2 )); then
		if [[ $PREFIX == -* ]]; then
			compadd -- ${GLOBAL_FLAGS.join(' ')}
		else
			_describe -t commands 'assess command' commands
		fi
		return
	fi
	local cmd=$words[2]
	shift words
	(( CURRENT-- ))
	case $cmd in
${cases.join('\n')}
	esac
}

if [[ $funcstack[1] == _assess ]]; then
	_assess "$@"
else
	compdef _assess assess
fi
`;
}

// ---------------------------------------------------------------------------------------------
// fish: one `complete` line per command, option and value.

const fq = (text: string) => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

const FISH_JSON = `(__fish_complete_suffix .json)`;

function fishValue(kind: ValueKind): string {
	if ('enum' in kind) return `-x -a ${fq(`${kind.enum.join(' ')}${kind.files ? ` ${FISH_JSON}` : ''}`)}`;
	if ('dirs' in kind) return `-x -a '(__fish_complete_directories)'`;
	if ('files' in kind) return kind.files === 'json' ? `-x -a ${fq(FISH_JSON)}` : '-r -F';
	return '-x';
}

function fishScript(spec: readonly CommandSpec[]): string {
	const names = spec.map(c => c.name).join(' ');
	const lines: string[] = [];
	lines.push('complete -c assess -f');
	lines.push(`complete -c assess -n '__fish_use_subcommand' -s h -l help -d 'show help'`);
	lines.push(`complete -c assess -n '__fish_use_subcommand' -s V -l version -d 'show the version'`);
	for (const c of spec) {
		lines.push(`complete -c assess -n '__fish_use_subcommand' -a ${fq(c.name)} -d ${fq(c.summary)}`);
		const when = `-n '__fish_seen_subcommand_from ${c.name}'`;
		for (const o of c.options) {
			const short = o.short ? ` -s ${o.short}` : '';
			lines.push(`complete -c assess ${when} -l ${o.name}${short}${o.takesValue ? ` ${fishValue(o.value)}` : ''}`);
		}
		// Positionals: fish cannot count them per position; the first one's kind serves all.
		const first = c.positionals[0];
		if (first && !('text' in first)) {
			if ('enum' in first) lines.push(`complete -c assess ${when} -a ${fq(first.enum.join(' '))}`);
			else if ('dirs' in first) lines.push(`complete -c assess ${when} -a '(__fish_complete_directories)'`);
			else if (first.files === 'json') lines.push(`complete -c assess ${when} -a ${fq(FISH_JSON)}`);
			else lines.push(`complete -c assess ${when} -F`);
		}
	}
	return `# fish completion for assess (made by \`assess completion fish\`; from its command table).
# Install it: assess completion fish > ~/.config/fish/completions/assess.fish
# Commands: ${names}
${lines.join('\n')}
`;
}

// ---------------------------------------------------------------------------------------------
// PowerShell: a native argument completer over the same table.

const pq = (text: string) => `'${text.replace(/'/g, "''")}'`;

function psValue(kind: ValueKind): string {
	if ('enum' in kind) return `@{values = @(${kind.enum.map(pq).join(', ')}); files = ${kind.files ? pq(kind.files) : '$null'}}`;
	if ('dirs' in kind) return `@{values = @(); files = 'dirs'}`;
	if ('files' in kind) return `@{values = @(); files = ${pq(kind.files)}}`;
	return `@{values = @(); files = $null}`;
}

function powershellScript(spec: readonly CommandSpec[]): string {
	const table = spec.map(c => {
		const options = c.options.map(o => `\t\t\t${pq(`--${o.name}`)} = @{short = ${o.short ? pq(`-${o.short}`) : '$null'}; takesValue = $${o.takesValue}; value = ${psValue(o.value)}}`);
		const positionals = c.positionals.map(psValue);
		return `\t${pq(c.name)} = @{\n\t\tsummary = ${pq(c.summary)}\n\t\toptions = [ordered]@{\n${options.join('\n')}\n\t\t}\n\t\tpositionals = @(${positionals.join(', ')})\n\t}`;
	});
	return `# PowerShell completion for assess (made by \`assess completion powershell\`; from its command table).
# Load it in your profile ($PROFILE):  assess completion powershell | Out-String | Invoke-Expression

$__assessCommands = [ordered]@{
${table.join('\n')}
}

Register-ArgumentCompleter -Native -CommandName assess, assess.cmd, assess.ps1 -ScriptBlock {
	param($wordToComplete, $commandAst, $cursorPosition)
	$words = @($commandAst.CommandElements | Select-Object -Skip 1 | ForEach-Object { $_.ToString() })
	if ($wordToComplete -ne '' -and $words.Count -gt 0) { $words = @($words | Select-Object -SkipLast 1) }
	$result = {
		param($text, $tip)
		[System.Management.Automation.CompletionResult]::new($text, $text, 'ParameterValue', $(if ($tip) { $tip } else { $text }))
	}
	$files = {
		param($kind)
		$items = if ($kind -eq 'dirs') { Get-ChildItem -Directory -Path "$wordToComplete*" -ErrorAction SilentlyContinue } else { Get-ChildItem -Path "$wordToComplete*" -ErrorAction SilentlyContinue }
		foreach ($item in $items) {
			if ($kind -eq 'json' -and -not $item.PSIsContainer -and $item.Extension -ne '.json') { continue }
			& $result $item.Name $item.FullName
		}
	}
	$command = $null
	$index = 0
	for ($i = 0; $i -lt $words.Count; $i++) {
		if (-not $words[$i].StartsWith('-')) { $command = $words[$i]; $index = $i + 1; break }
	}
	if (-not $command) {
		if ($wordToComplete.StartsWith('-')) { ${JSON.stringify(GLOBAL_FLAGS)
			.slice(1, -1)
			.replace(/"/g, "'")} | Where-Object { $_ -like "$wordToComplete*" } | ForEach-Object { & $result $_ } ; return }
		foreach ($name in $__assessCommands.Keys) { if ($name -like "$wordToComplete*") { & $result $name $__assessCommands[$name].summary } }
		return
	}
	$spec = $__assessCommands[$command]
	if (-not $spec) { return }
	$previous = if ($words.Count -gt 0) { $words[-1] } else { '' }
	foreach ($name in $spec.options.Keys) {
		$option = $spec.options[$name]
		if ($option.takesValue -and ($previous -eq $name -or ($option.short -and $previous -eq $option.short))) {
			$option.value.values | Where-Object { $_ -like "$wordToComplete*" } | ForEach-Object { & $result $_ }
			if ($option.value.files) { & $files $option.value.files }
			return
		}
	}
	if ($wordToComplete.StartsWith('-')) {
		foreach ($name in $spec.options.Keys) { if ($name -like "$wordToComplete*") { & $result $name } }
		return
	}
	$n = 0
	for ($i = $index; $i -lt $words.Count; $i++) {
		$word = $words[$i]
		if ($word.StartsWith('-')) {
			$option = $spec.options[$word]
			if ($option -and $option.takesValue) { $i++ }
			continue
		}
		$n++
	}
	if ($spec.positionals.Count -eq 0) { return }
	$kind = $spec.positionals[[Math]::Min($n, $spec.positionals.Count - 1)]
	$kind.values | Where-Object { $_ -like "$wordToComplete*" } | ForEach-Object { & $result $_ }
	if ($kind.files) { & $files $kind.files }
}
`;
}
