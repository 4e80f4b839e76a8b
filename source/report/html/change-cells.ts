/** A change in points: signed, green up, red down. */
export function changeCell(change: number | null): string {
	if (change === null) return '<td class="num">—</td>';
	const cls = change > 0 ? ' up' : change < 0 ? ' down' : '';
	return `<td class="num${cls}">${change > 0 ? '+' : ''}${change.toFixed(2)}</td>`;
}

/** A move in places: ↑3 (up three), ↓2, or – (unchanged). */
export function movedCell(places: number | null): string {
	if (places === null) return '<td class="num">—</td>';
	if (places === 0) return '<td class="num">–</td>';
	return `<td class="num ${places > 0 ? 'up' : 'down'}">${places > 0 ? '↑' : '↓'}${Math.abs(places)}</td>`;
}
