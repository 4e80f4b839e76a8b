/** Replaced by the bundler with package.json's version; the fallback serves tests run from source. */
declare const __ASSESS_VERSION__: string | undefined;
export const VERSION = typeof __ASSESS_VERSION__ === 'string' ? __ASSESS_VERSION__ : '0.0.0-dev';
export const PROGRAM = `assess ${VERSION}`;
