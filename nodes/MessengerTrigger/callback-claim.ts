// Whether this trigger may register its URL as the Meta app's callback. Meta keeps one callback URL per
// app (object=page), and registering replaces the one before: every page of the app then delivers to
// the new URL only. So the trigger reads the current callback first (GET /{app-id}/subscriptions) and
// decides here, from what holds it and who is asking:
// - an editor test ("Execute step", n8n's test listener on the /webhook-test/ URL) never takes the
//   callback from another URL: at the test's end n8n deletes what the test registered, and the
//   published bot would be left with nothing;
// - an activation takes it only from nobody, from its own test listener, or when the user turned on
//   "Take Over Existing Callback".

/** How the URL that holds the app's callback relates to this trigger's URL. */
export type Holder =
	/** No page subscription: the app has no callback. */
	| 'none'
	/** This trigger's URL itself. */
	| 'ours'
	/** This trigger's other URL on the same n8n: its test URL for an activation, its Production URL for a test. */
	| 'sibling'
	/** This trigger's path on another address: WEBHOOK_URL changed, or the same workflow on another n8n. */
	| 'moved'
	/** Anything else: another workflow, another system. */
	| 'other';

/**
 * Relates the holder's URL to ours. n8n's URLs of one trigger node end in the same `{webhookId}/...`
 * path (production under /webhook/, test under /webhook-test/), and the webhook id is a UUID n8n
 * gives each trigger node, so that tail identifies the node whatever the base URL.
 */
export function holderOf(holderUrl: string | undefined, ourUrl: string, webhookId: string | undefined): Holder {
	if (holderUrl === undefined) return 'none';
	const holder = parse(holderUrl);
	const ours = parse(ourUrl);
	if (!holder || !ours) return holderUrl === ourUrl ? 'ours' : 'other';
	if (holder.href === ours.href) return 'ours';
	if (!webhookId) return 'other';
	const tailOf = (url: URL) => {
		const at = url.pathname.indexOf(`/${webhookId}/`);
		return at < 0 ? undefined : `${url.pathname.slice(at)}${url.search}`;
	};
	const tail = tailOf(ours);
	if (tail === undefined || tailOf(holder) !== tail) return 'other';
	return holder.origin === ours.origin ? 'sibling' : 'moved';
}

function parse(url: string): URL | undefined {
	try {
		return new URL(url);
	} catch {
		return undefined;
	}
}

export interface ClaimRequest {
	/** `test`: n8n's test listener (the editor's "Execute step"); `production`: an activation. */
	listener: 'production' | 'test';
	appId: string;
	/** The app's current callback URL, if it has one. */
	holderUrl: string | undefined;
	ourUrl: string;
	webhookId: string | undefined;
	/** The node's "Take Over Existing Callback"; ignored for tests. */
	takeOver: boolean;
}

export type Claim =
	/** The callback is ours already: check its fields and the page, and register only what is missing. */
	| { action: 'keep' }
	/** Register; `replacing` is the URL that loses the callback, for n8n's log. */
	| { action: 'register'; replacing?: { url: string; why: 'own test listener' | 'take over' } }
	| { action: 'refuse'; message: string };

const TAKE_OVER = 'turn on "Take Over Existing Callback" on this trigger and activate it again';

export function claimCallback(request: ClaimRequest): Claim {
	const { appId, holderUrl, ourUrl, webhookId } = request;
	const holder = holderOf(holderUrl, ourUrl, webhookId);
	if (holder === 'none') return { action: 'register' };
	if (holder === 'ours') return { action: 'keep' };
	const url = holderUrl as string;
	const held = `Meta app ${appId} sends the events of its pages to ${url}`;

	if (request.listener === 'test') {
		const whose = holder === 'sibling' ? ", this workflow's Production URL" : '';
		return {
			action: 'refuse',
			message:
				`${held}${whose}. Meta allows one callback URL per app: registering this test URL would take every event away ` +
				'from that URL, and removing it when the test ends would leave the app with none. So this test did not register with Meta. ' +
				"To test, send a message to the page and open the published workflow's execution (Executions, then Copy to Editor); " +
				'or test with a separate Meta app and its own Facebook Page credential; ' +
				'or deactivate the workflow that uses that URL, test, and activate it again.',
		};
	}

	if (holder === 'sibling') return { action: 'register', replacing: { url, why: 'own test listener' } };
	if (request.takeOver) return { action: 'register', replacing: { url, why: 'take over' } };
	if (holder === 'moved') {
		return {
			action: 'refuse',
			message:
				`${held}: this trigger's own path on another address. Either n8n's WEBHOOK_URL changed since the trigger was last ` +
				'activated, or this workflow also runs on another n8n, which would stop receiving events (Meta allows one callback URL per app). ' +
				`If nothing listens at that address any more, ${TAKE_OVER}.`,
		};
	}
	return {
		action: 'refuse',
		message:
			`${held}, and Meta allows one callback URL per app: activating this trigger would take every event away from that URL. ` +
			"To serve several pages or workflows with one Meta app, keep one workflow with a Messenger Trigger and pass each event on by its pageId to the others with n8n's Execute Workflow node; " +
			`or give this workflow its own Meta app. If nothing uses that URL any more, ${TAKE_OVER}.`,
	};
}
