import React, {type ReactNode} from 'react';
import {Text as InkText, type TextProps} from 'ink';
import {terminalSafe} from '../../text/terminal-safe.js';

/** Every string child through the output boundary; elements (nested Text, ours too) as they are. */
function safe(node: ReactNode): ReactNode {
	if (typeof node === 'string') return terminalSafe(node);
	if (Array.isArray(node)) return node.map(safe);
	return node;
}

/**
 * The TUI's only way to put text in a frame: Ink's Text with every string passed through
 * `terminalSafe` (issue 13). A name, note or reason from a file that holds an escape sequence
 * shows it as a visible code; only the program's own styling reaches the terminal as a control.
 * (The view models make file text safe before they measure it, so columns stay aligned; this is
 * the boundary that holds whatever they miss. test/architecture/ui-output-boundary.test.ts keeps
 * every view on it.)
 */
export function Text(props: TextProps) {
	return <InkText {...props}>{safe(props.children)}</InkText>;
}
