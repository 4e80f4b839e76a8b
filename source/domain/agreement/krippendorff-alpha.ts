/** Krippendorff's levels of measurement: which difference between two values counts how much. */
export type MeasurementLevel = 'nominal' | 'ordinal' | 'interval' | 'ratio';

export type AlphaResult = {
	/** Krippendorff's alpha; null where undefined (no pairable values, or no variation at all). */
	alpha: number | null;
	/** Observed and expected disagreement, D_o and D_e: alpha = 1 − D_o / D_e. */
	observed: number;
	expected: number;
	/** Units with at least two values, and the values in them (n..): alpha's sample. */
	units: number;
	pairable: number;
};

export type AlphaOptions = {
	level: MeasurementLevel;
	/** For ordinal data: every value that may occur, lowest rank first (numbers sort by themselves if absent). */
	order?: readonly (string | number)[];
};

/**
 * Krippendorff's alpha for any number of raters, any level of measurement, and missing values,
 * as computed in Krippendorff, K. (2011), "Computing Krippendorff's Alpha-Reliability",
 * Annenberg School for Communication, Departmental Papers 43: values are paired only within a
 * unit (a unit rated once has nothing to pair and is left out), each unit's pairs weigh
 * 1 / (m_u − 1) in the coincidence matrix o_ck, and
 *
 *   alpha = 1 − (n.. − 1) Σ o_ck δ²_ck / Σ n_c n_k δ²_ck
 *
 * with the difference function δ² of the level: nominal 0 or 1; ordinal (Σ_{g=c..k} n_g −
 * (n_c + n_k)/2)² over the ranks of the values; interval (c − k)²; ratio ((c − k)/(c + k))².
 *
 * `units` holds, per unit, the values its raters gave (missing ones simply absent).
 */
export function krippendorffAlpha(units: readonly (readonly (string | number)[])[], options: AlphaOptions): AlphaResult {
	const pairable = units.filter(u => u.length >= 2);
	const n = pairable.reduce((s, u) => s + u.length, 0);
	if (n === 0) return {alpha: null, observed: 0, expected: 0, units: 0, pairable: 0};

	const values = distinctValues(pairable, options);
	const index = new Map(values.map((v, i) => [v, i]));
	const size = values.length;
	const o = new Float64Array(size * size);
	for (const unit of pairable) {
		const counts = new Map<number, number>();
		for (const v of unit) {
			const i = index.get(v)!;
			counts.set(i, (counts.get(i) ?? 0) + 1);
		}
		const w = 1 / (unit.length - 1);
		for (const [c, nc] of counts) for (const [k, nk] of counts) o[c * size + k]! += (c === k ? nc * (nc - 1) : nc * nk) * w;
	}
	const marginals = new Float64Array(size);
	for (let c = 0; c < size; c++) for (let k = 0; k < size; k++) marginals[c]! += o[c * size + k]!;

	const delta = differenceFunction(options.level, values, marginals);
	let observed = 0;
	let expected = 0;
	for (let c = 0; c < size; c++) {
		for (let k = 0; k < size; k++) {
			if (c === k) continue;
			const d = delta(c, k);
			observed += o[c * size + k]! * d;
			expected += marginals[c]! * marginals[k]! * d;
		}
	}
	observed /= n;
	expected /= n * (n - 1);
	return {alpha: expected === 0 ? null : 1 - observed / expected, observed, expected, units: pairable.length, pairable: n};
}

/** The values that occur, in rank order for ordinal data (the order given), in first-seen order otherwise. */
function distinctValues(units: readonly (readonly (string | number)[])[], options: AlphaOptions): (string | number)[] {
	const seen = new Set<string | number>();
	for (const u of units) for (const v of u) seen.add(v);
	if (options.level !== 'ordinal') return [...seen];
	if (!options.order) {
		if ([...seen].some(v => typeof v !== 'number')) throw new Error('ordinal alpha over labels needs their order');
		return [...seen].sort((a, b) => (a as number) - (b as number));
	}
	const unknown = [...seen].filter(v => !options.order!.includes(v));
	if (unknown.length) throw new Error(`ordinal alpha: ${unknown.join(', ')} not in the order given`);
	return options.order.filter(v => seen.has(v));
}

function differenceFunction(level: MeasurementLevel, values: readonly (string | number)[], marginals: Float64Array): (c: number, k: number) => number {
	switch (level) {
		case 'nominal':
			return () => 1;
		case 'ordinal': {
			// Cumulative marginals: the ranks between c and k, counting c and k by half.
			const cumulative = new Float64Array(values.length + 1);
			for (let i = 0; i < values.length; i++) cumulative[i + 1] = cumulative[i]! + marginals[i]!;
			return (c, k) => {
				const [lo, hi] = c < k ? [c, k] : [k, c];
				return (cumulative[hi + 1]! - cumulative[lo]! - (marginals[lo]! + marginals[hi]!) / 2) ** 2;
			};
		}
		case 'interval': {
			const x = numbers(values);
			return (c, k) => (x[c]! - x[k]!) ** 2;
		}
		case 'ratio': {
			const x = numbers(values);
			return (c, k) => (x[c]! + x[k]! === 0 ? 0 : ((x[c]! - x[k]!) / (x[c]! + x[k]!)) ** 2);
		}
	}
}

function numbers(values: readonly (string | number)[]): number[] {
	return values.map(v => {
		if (typeof v !== 'number' || !Number.isFinite(v)) throw new Error(`interval and ratio alpha need finite numbers, not ${String(v)}`);
		return v;
	});
}
