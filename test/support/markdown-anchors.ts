// The anchors GitHub gives a Markdown file's headings, so tests can check that a `#anchor` link lands.
// GitHub's rule (github-slugger): the heading's text, lower-cased, with punctuation and symbols dropped
// (letters, digits, '-', '_' and spaces stay), spaces turned into '-'; a repeated anchor gets -1, -2, ...

/** The heading's text as GitHub renders it: inline code, emphasis and links reduced to their text. */
function headingText(source: string): string {
	return source
		.replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
		.replace(/`([^`]*)`/g, '$1')
		.replace(/\*+/g, '')
		.trim();
}

export function slugOf(heading: string): string {
	return headingText(heading)
		.toLowerCase()
		.replace(/[^\p{L}\p{M}\p{N}\- _]/gu, '')
		.replace(/ /g, '-');
}

/** Every heading anchor of a Markdown document, in order; headings inside fenced code blocks do not count. */
export function headingAnchors(markdown: string): string[] {
	const anchors: string[] = [];
	// github-slugger's bookkeeping: how often each anchor was asked for, so "errors" then "errors-1".
	const occurrences = new Map<string, number>();
	let fence: string | undefined;
	for (const line of markdown.split('\n')) {
		const fenceMatch = /^\s*(`{3,}|~{3,})/.exec(line);
		if (fenceMatch) {
			if (fence === undefined) fence = fenceMatch[1][0];
			else if (fenceMatch[1][0] === fence) fence = undefined;
			continue;
		}
		if (fence !== undefined) continue;
		const heading = /^ {0,3}#{1,6}\s+(.*?)(?:\s+#+)?\s*$/.exec(line);
		if (!heading) continue;
		const base = slugOf(heading[1]);
		let anchor = base;
		while (occurrences.has(anchor)) {
			const count = (occurrences.get(base) ?? 0) + 1;
			occurrences.set(base, count);
			anchor = `${base}-${count}`;
		}
		occurrences.set(anchor, 0);
		anchors.push(anchor);
	}
	return anchors;
}
