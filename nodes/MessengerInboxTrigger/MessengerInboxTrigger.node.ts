import type {
	IDataObject,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, NodeConnectionTypes } from 'n8n-workflow';

import {
	DEFAULT_INBOX_PROVIDER,
	FIRST_INBOX_PROVIDER,
	INBOX_PROVIDER_NAMES,
	inboxProvider,
	PROVIDERS,
	REPORTS_PULL_PROVIDER_NAMES,
	type InboxProvider,
	type InboxPull,
} from '../shared/providers';
import { requestFullResponse } from '../shared/setup-request';
import { drainInbox, MAX_PULL_LIMIT, MAX_REQUEST_MS } from './drain';
import { pullConnectionError, pullHttpError, shownBody, unreadablePageError } from './pull-errors';
import { pendingWait, rateLimitWait, rememberWait } from './rate-limit';
import { DEFAULT_MAX_MESSAGES, readPollSettings } from './settings';

/** n8n's default poll budget (5 minutes), for servers that do not say theirs. */
const DEFAULT_POLL_BUDGET_MS = 5 * 60 * 1000;

/**
 * The drain must be over, with its items handed to n8n, before n8n abandons the tick: anything pulled
 * by an abandoned poll would be lost. Requests end by 90% of the budget, the rest is n8n's to store
 * the items; each request may take a quarter of the budget, at most 30 s.
 */
function timingOf(ctx: IPollFunctions, start: number): { deadline: number; requestTimeoutMs: number } {
	const budget = typeof ctx.getPollBudgetMs === 'function' ? ctx.getPollBudgetMs() : DEFAULT_POLL_BUDGET_MS;
	return { deadline: start + budget * 0.9, requestTimeoutMs: Math.min(MAX_REQUEST_MS, budget / 4) };
}

/** The pull inboxes by their credential type: both Infobip APIs share one, so it is listed once. */
const INBOX_CREDENTIALS = [...new Set(INBOX_PROVIDER_NAMES.map((name) => PROVIDERS[name].credentialType))];

/**
 * Version 1 drained the one inbox there was (Infobip's v1 pull) and has no Infobip API parameter;
 * from version 2 the node asks, and a new node starts with today's Messages API.
 */
function inboxOf(ctx: IPollFunctions): InboxProvider {
	if (ctx.getNode().typeVersion < 2) return inboxProvider(FIRST_INBOX_PROVIDER);
	return inboxProvider(ctx.getNodeParameter('inbox', DEFAULT_INBOX_PROVIDER) as string);
}

/** What to pull from that inbox: its incoming messages, or (where it has them) its delivery reports. */
function pullOf(ctx: IPollFunctions, inbox: InboxProvider): InboxPull {
	if (ctx.getNode().typeVersion < 2 || !inbox.reportsPull) return inbox.inboxPull;
	return ctx.getNodeParameter('pull', 'messages') === 'reports' ? inbox.reportsPull : inbox.inboxPull;
}

export class MessengerInboxTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Messenger Inbox Trigger',
		name: 'messengerInboxTrigger',
		icon: { light: 'file:../../icons/infobip.svg', dark: 'file:../../icons/infobip.dark.svg' },
		group: ['trigger'],
		version: [1, 2],
		defaultVersion: 2,
		subtitle: 'Infobip inbox (pull)',
		description: 'Starts the workflow with the Messenger messages waiting in the Infobip inbox (pull method)',
		defaults: { name: 'Messenger Inbox Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: INBOX_CREDENTIALS.map((name) => ({ name, required: true })),
		properties: [
			{
				displayName: 'Infobip API',
				name: 'inbox',
				type: 'options',
				noDataExpression: true,
				// The Provider list's names, which tell the legacy API from the current one.
				options: INBOX_PROVIDER_NAMES.map((name) => ({
					name: PROVIDERS[name].options.send.name,
					value: name,
					description: inboxProvider(name).inboxPull.description,
				})),
				default: DEFAULT_INBOX_PROVIDER,
				description: 'Which Infobip inbox to pull; both use the same Infobip credential',
				displayOptions: { show: { '@version': [{ _cnd: { gte: 2 } }] } },
			},
			{
				displayName: 'Pull',
				name: 'pull',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Incoming Messages', value: 'messages', description: 'The messages users sent to the page' },
					{
						name: 'Delivery Reports',
						value: 'reports',
						description:
							"What happened to the messages the page sent (one status report item each), for when Infobip cannot call the Messenger Trigger's URL with them",
					},
				],
				default: 'messages',
				displayOptions: { show: { '@version': [{ _cnd: { gte: 2 } }], inbox: [...REPORTS_PULL_PROVIDER_NAMES] } },
			},
			{
				displayName:
					'Infobip hands out each inbox message once. Every poll empties the inbox (up to the limit below) and emits all messages it pulled, even when a later request of the same poll fails. "Fetch Test Event" pulls one page for real: those messages are consumed by the test.',
				name: 'pullNotice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Messages per Request',
				name: 'pullLimit',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: MAX_PULL_LIMIT },
				default: MAX_PULL_LIMIT,
				description: 'The limit sent to Infobip on each pull (1 to 1000)',
			},
			{
				displayName: 'Max Messages per Poll',
				name: 'maxMessages',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: DEFAULT_MAX_MESSAGES,
				description:
					'Pulling stops once this many messages are in hand; the rest stays in the Infobip inbox for the next poll',
			},
		],
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const { limit, maxMessages } = readPollSettings(this);
		const manual = this.getMode() === 'manual';
		// n8n keeps static data only for active workflows; "Fetch Test Event" pulls whatever the wait says.
		const staticData = this.getWorkflowStaticData('node');
		const waitUntil = manual ? undefined : pendingWait(staticData, Date.now());
		if (waitUntil !== undefined) {
			this.logger.info(`Messenger Inbox Trigger: poll skipped: Infobip asked to wait until ${new Date(waitUntil).toISOString()}`);
			return null;
		}

		const inbox = inboxOf(this);
		const source = pullOf(this, inbox);
		const credentials = await this.getCredentials(inbox.credentialType);
		const secrets = [credentials.apiKey, credentials.password].filter((value): value is string => typeof value === 'string');
		const start = Date.now();
		const result = await drainInbox({
			limit,
			maxMessages,
			...timingOf(this, start),
			singlePage: manual,
			inbox: source,
			pull: async (pageLimit, timeout) => {
				const response = await requestFullResponse(this, inbox.setup, source.buildPullRequest(credentials, pageLimit, timeout)).catch(
					(error: unknown) => {
						throw pullConnectionError(this.getNode(), error, pageLimit);
					},
				);
				if (response.statusCode >= 200 && response.statusCode < 300) return response.body;
				const wait = response.statusCode === 429 ? rateLimitWait(response, Date.now()) : undefined;
				if (wait && !manual) rememberWait(staticData, wait);
				throw pullHttpError(this.getNode(), inbox, response, wait, manual, source);
			},
		});

		if (result.stoppedBy === 'error') {
			const error =
				result.error instanceof NodeApiError
					? result.error
					: new NodeApiError(this.getNode(), result.error as JsonObject, {
							message: 'Infobip: pulling the Messenger inbox failed',
						});
			const possiblyLost = error.context.possiblyLost;
			if (typeof possiblyLost === 'number') {
				this.logger.error(`Messenger Inbox Trigger: an inbox pull was cut off after it was sent; up to ${possiblyLost} messages may be lost`, {
					networkCode: error.context.networkCode,
					pulledBefore: result.events.length,
				});
			}
			// Nothing pulled: fail the poll so n8n shows it. Once a page has arrived its messages exist
			// only here, so they are emitted and the failure is logged instead.
			if (result.events.length === 0) throw error;
			this.logger.warn('Messenger Inbox Trigger: a pull failed mid-drain; emitting the messages already pulled', {
				pulled: result.events.length,
				pages: result.pages,
				error: error.message,
			});
		}
		if (result.stoppedBy === 'unreadable') {
			const shown = shownBody(result.unreadable, secrets);
			this.logger.error('Messenger Inbox Trigger: Infobip answered a pull with a body that is not an inbox page; any messages in it cannot be pulled again', {
				answer: shown,
				pulledBefore: result.events.length,
			});
			if (result.events.length === 0) throw unreadablePageError(this.getNode(), shown);
		}
		if (result.events.length === 0) return null;
		return [result.events.map((event) => ({ json: event as unknown as IDataObject }))];
	}
}
