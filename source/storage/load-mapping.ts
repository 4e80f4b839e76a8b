import {indicatorMapping, type IndicatorMapping} from '../domain/compare/mapping-schema.js';
import {checkMapping} from '../domain/compare/match-indicators.js';
import type {SystemIndex} from '../domain/system/system-index.js';
import {loadValidated} from './load-files.js';
import {UserError} from './user-error.js';

/**
 * Reads a mapping file (assess/indicator-mapping), validated by its schema and, when the two
 * systems are given, against them: every problem named with its place in the file.
 */
export function loadMapping(file: string, shown: string, systems?: {old: SystemIndex; new: SystemIndex}): IndicatorMapping {
	let mapping: IndicatorMapping;
	try {
		mapping = loadValidated(file, indicatorMapping);
	} catch (error) {
		throw error instanceof UserError ? error.named(file, shown) : error;
	}
	if (systems) {
		const issues = checkMapping(mapping, systems.old, systems.new);
		if (issues.length) throw UserError.fromIssues(shown, issues);
	}
	return mapping;
}
