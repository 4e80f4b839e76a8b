/** Colours by role; with NO_COLOR set every role is plain (bold and inverse still show focus). */
export type Theme = {
	accent: string | undefined;
	muted: string | undefined;
	good: string | undefined;
	warn: string | undefined;
	bad: string | undefined;
};

export function themeFor(env: NodeJS.ProcessEnv): Theme {
	if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return {accent: undefined, muted: undefined, good: undefined, warn: undefined, bad: undefined};
	return {accent: 'cyan', muted: 'gray', good: 'green', warn: 'yellow', bad: 'red'};
}
