// CM.com Business Messaging emulation for Facebook Messenger (seed 004; providers.md "CM.com").
// Route: cm.message (POST /v1.0/message). User actions via `cm`: MO messages to config.cm.inboundUrl,
// read/delivery status reports to config.cm.statusUrl, opt-ins issuing notification tokens.
// Independent of nodes/ and credentials/ by design.
import type {
	ProviderModule,
	ProviderModuleFactory,
	SandboxContext,
	SandboxRouter,
	UserAction,
	UserActionResult,
} from '../core/types';
import { buildMo, buildMoMessage, buildOptInEvent, buildStatusReport } from './inbound';
import { handleCmMessage } from './message';
import { NotificationTokens } from './optin';

export interface CmModule extends ProviderModule {
	tokens: NotificationTokens;
}

export const createCmModule = ((ctx: SandboxContext): CmModule => {
	const tokens = new NotificationTokens();
	/** The `reference` of the last accepted msg per recipient PSID, for status reports. */
	const lastReference = new Map<string, string | null>();

	function register(router: SandboxRouter): void {
		router.add('POST', '/v1.0/message', 'cm.message', 'cm', (req) =>
			handleCmMessage(req, {
				config: ctx.config.cm,
				isUser: (psid) => ctx.findUser(psid) !== undefined,
				tokenOwner: (token) => tokens.owner(token),
				deliver: (messageId, recipient, msg) => {
					const psid = tokens.owner(recipient) ?? recipient;
					lastReference.set(psid, typeof msg.reference === 'string' ? msg.reference : null);
					ctx.deliver({ provider: 'cm', messageId, recipient, message: msg });
				},
			}),
		);
	}

	async function post(url: string | undefined, what: string, body: unknown): Promise<UserActionResult> {
		if (!url) throw new Error(`cm: ${what}`);
		const response = await ctx.postOut(url, JSON.stringify(body), { 'content-type': 'application/json' });
		return { body, delivery: { url, status: response.status, responseBody: response.body } };
	}

	async function userAction(action: UserAction): Promise<UserActionResult> {
		if (action.via !== 'cm') throw new Error(`cm module cannot deliver via "${action.via}"`);
		// The core has already created an unknown user and opened their window (core/users.ts).
		if (action.kind === 'read' || action.kind === 'delivery') {
			const kind = action.kind === 'delivery' && action.variant === 'failed' ? 'failed' : action.kind;
			const report = buildStatusReport(kind, action.from, lastReference.get(action.from) ?? null);
			return post(ctx.config.cm.statusUrl, `a ${action.kind} report needs config.cm.statusUrl (status report webhook)`, report);
		}
		const pageId = ctx.config.cm.pageIds[0];
		if (!pageId) throw new Error('cm: config.cm.pageIds is empty');
		const url = ctx.config.cm.inboundUrl;
		if (!url) throw new Error('cm: user messages need config.cm.inboundUrl (the inbound/MO webhook)');
		if (action.kind === 'optin') {
			const token = tokens.issue(action.from, action.payload ?? '');
			return post(url, 'no inboundUrl', buildOptInEvent(action, pageId, token));
		}
		return post(url, 'no inboundUrl', buildMo(action, pageId, buildMoMessage(action)));
	}

	return {
		provider: 'cm',
		register,
		userVias: ['cm'],
		userAction,
		tokens,
		reset: () => {
			tokens.clear();
			lastReference.clear();
		},
	};
}) satisfies ProviderModuleFactory;

export { NotificationTokens } from './optin';
