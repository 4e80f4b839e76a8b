/** Types of substitutions.mjs (plain JavaScript, so that the build script can read it too). */
export type Substitution = {name: string; specifier: RegExp; importer?: RegExp; replacement: string; package: string; versions: RegExp; check: string};
export declare const SUBSTITUTIONS: readonly Substitution[];
export declare function installedVersion(name: string): string;
export declare function versionProblems(): string[];
export declare function substitute(specifier: string, importer?: string): string | undefined;
