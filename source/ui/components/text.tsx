import React, {Fragment, cloneElement, isValidElement, type ReactNode} from 'react';
import {Text as InkText, type TextProps} from 'ink';
import {terminalSafe} from '../../text/terminal-safe.js';

/**
 * Every string child through the output boundary, in fragments too; other elements (a nested
 * Text, which is this one) pass their own strings through it.
 */
function safe(node: ReactNode): ReactNode {
	if (typeof node === 'string') return terminalSafe(node);
	if (Array.isArray(node)) return node.map(safe);
	if (isValidElement<{children?: ReactNode}>(node) && node.type === Fragment) {
		const children = safe(node.props.children);
		// As separate arguments: the fragment's children stay positional, as written (no keys needed).
		return Array.isArray(children) ? cloneElement(node, undefined, ...(children as ReactNode[])) : cloneElement(node, undefined, children);
	}
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
