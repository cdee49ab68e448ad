// The sandbox's page admin routes (sandbox/meta/admin.ts) over real HTTP, for the many-pages tests:
// what Meta's side does to a page between two runs (its token expires, the system user loses it).
import type { Sandbox } from '../../sandbox';

export interface PageState {
	id: string;
	subscribedFields: string[] | null;
}

/** POSTs `/__sandbox/meta/pages/<pageId>/<action>` and answers the status. */
async function pageAction(sandbox: Pick<Sandbox, 'url'>, pageId: string, action: 'expire-token' | 'revoke' | 'restore'): Promise<number> {
	const response = await fetch(`${sandbox.url}/__sandbox/meta/pages/${pageId}/${action}`, { method: 'POST' });
	await response.text();
	return response.status;
}

export const expirePageToken = (sandbox: Pick<Sandbox, 'url'>, pageId: string) => pageAction(sandbox, pageId, 'expire-token');
export const revokePage = (sandbox: Pick<Sandbox, 'url'>, pageId: string) => pageAction(sandbox, pageId, 'revoke');

/** Each page of the app with the fields it is subscribed to for the app (null: not subscribed). */
export async function pageStates(sandbox: Pick<Sandbox, 'url'>): Promise<PageState[]> {
	const response = await fetch(`${sandbox.url}/__sandbox/meta/pages`);
	return ((await response.json()) as { pages: PageState[] }).pages;
}
