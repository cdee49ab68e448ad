// What a node run that stopped on an error tells the user about the other items: which were
// delivered (with message ids, so a re-run can leave them out), which may have been, and which were
// not sent. Pure functions; the node attaches the result to the error it throws.

/** How one item of a run ended; `undefined` in a run's list means it was never attempted. */
export type ItemOutcome =
	| { state: 'delivered'; messageId: string | null }
	| { state: 'uncertain' }
	| { state: 'failed' };

export interface DeliveredItem {
	item: number;
	messageId: string | null;
}

export interface DeliveryReport {
	/** Every delivered item with its message id, for the error's context (kept with the execution). */
	delivered: DeliveredItem[];
	uncertain: number[];
	failed: number[];
	notSent: number[];
	/** Sentences for the error's description. */
	text: string;
}

/** Items listed by name in the description; the context holds all of them. */
const LISTED = 20;

/** "item 3, items 4–9": consecutive indexes collapse into a range; the first 20 ranges are named. */
function itemList(indexes: number[]): string {
	const ranges: Array<[number, number]> = [];
	for (const index of indexes) {
		const last = ranges[ranges.length - 1];
		if (last && index === last[1] + 1) last[1] = index;
		else ranges.push([index, index]);
	}
	const named = ranges.slice(0, LISTED);
	const text = named.map(([first, last]) => (first === last ? `item ${first}` : `items ${first}–${last}`)).join(', ');
	const more = ranges.slice(LISTED).reduce((sum, [first, last]) => sum + last - first + 1, 0);
	return more > 0 ? `${text} and ${more} more` : text;
}

function deliveredList(delivered: DeliveredItem[]): string {
	const shown = delivered.slice(0, LISTED).map(({ item, messageId }) => `item ${item} (message id ${messageId ?? 'unknown'})`);
	const more = delivered.length - shown.length;
	return more > 0 ? `${shown.join(', ')} and ${more} more (all in the error's context)` : shown.join(', ');
}

export function deliveryReport(outcomes: ReadonlyArray<ItemOutcome | undefined>): DeliveryReport {
	const delivered: DeliveredItem[] = [];
	const uncertain: number[] = [];
	const failed: number[] = [];
	const notSent: number[] = [];
	for (let item = 0; item < outcomes.length; item++) {
		const outcome = outcomes[item];
		if (outcome === undefined) notSent.push(item);
		else if (outcome.state === 'delivered') delivered.push({ item, messageId: outcome.messageId });
		else if (outcome.state === 'uncertain') uncertain.push(item);
		else failed.push(item);
	}

	const sentences: string[] = [];
	if (delivered.length) sentences.push(`Delivered: ${deliveredList(delivered)}.`);
	if (uncertain.length) sentences.push(`Delivery uncertain, not re-sent to avoid a duplicate: ${itemList(uncertain)}.`);
	if (failed.length) sentences.push(`Failed: ${itemList(failed)}.`);
	if (notSent.length) sentences.push(`Not sent: ${itemList(notSent)}.`);
	if (delivered.length || uncertain.length) {
		sentences.push(
			'Retry On Fail skips the delivered and uncertain items within this execution; a new execution sends them again, so leave them out of a re-run.',
		);
	}
	return { delivered, uncertain, failed, notSent, text: sentences.join(' ') };
}
