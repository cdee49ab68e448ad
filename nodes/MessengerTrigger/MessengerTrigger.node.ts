import type {
	IDataObject,
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import type { TriggerChoice } from '../shared/model/event';
import { isTriggerChoice } from '../shared/model/event';
import { INBOUND_PARSERS, isInboundFormat, PROVIDERS } from '../shared/providers';
import { inboundAuthOf, listedPages, unsignedAllowed } from './configuration';
import { MAX_EVENTS_PER_DELIVERY } from './delivery-limits';
import { DEFAULT_EVENTS, eventsProperties } from './descriptions/events';
import { PANEL_ORDER } from './descriptions/display';
import { noticeProperties } from './descriptions/notices';
import {
	authenticationProperties,
	DEFAULT_MAX_BODY_KB,
	formatProperty,
	optionsProperty,
	registerProperty,
	skipSignatureCheckProperty,
	takeOverCallbackProperty,
	triggerCredentials,
} from './descriptions/properties';
import { ACKNOWLEDGEMENT, triggerWebhooks } from './descriptions/webhooks';
import { checkExists, create, remove } from './lifecycle';
import { RecentEvents } from './recent-events';
import { WebhookSecretCache } from './secret-cache';
import type { Outcome, TriggerSettings } from './webhook';
import { answerHandshake, handleDelivery } from './webhook';

const webhookSecrets = new WebhookSecretCache();

/** "via Meta", by provider, for the subtitle; the default provider first, as saved subtitles had it. */
const VIA = Object.fromEntries(PANEL_ORDER.map((provider) => [provider, `via ${PROVIDERS[provider].brand}`]));
const recentEvents = new RecentEvents();

/** A positive number option, or the fallback when it is unset or not one. */
function positive(value: unknown, fallback: number): number {
	const number = Number(value ?? fallback);
	return Number.isFinite(number) && number > 0 ? number : fallback;
}

async function settingsOf(ctx: IWebhookFunctions): Promise<TriggerSettings> {
	const node = ctx.getNode();
	const read = (name: string, fallback: unknown) => ctx.getNodeParameter(name, fallback);
	const format = ctx.getNodeParameter('provider') as string;
	if (!isInboundFormat(format)) throw new NodeOperationError(node, `Unknown provider "${format}"`);
	const { signed } = INBOUND_PARSERS[format];
	const events = (ctx.getNodeParameter('events', DEFAULT_EVENTS) as string[]).filter(isTriggerChoice);
	const options = ctx.getNodeParameter('options', {}) as IDataObject;
	const settings: TriggerSettings = {
		format,
		events: new Set<TriggerChoice>(events),
		maxBodyBytes: positive(options.maxBodyKb, DEFAULT_MAX_BODY_KB) * 1024,
		maxEvents: Math.min(positive(options.maxEvents, MAX_EVENTS_PER_DELIVERY), MAX_EVENTS_PER_DELIVERY),
		auth: signed ? { kind: 'none' } : inboundAuthOf(node, read),
		pages: new Set(listedPages(options)),
		// The webhook id names this trigger node; n8n gives every trigger node its own.
		redeliveries:
			options.dropRedeliveries === false ? undefined : { recent: recentEvents, scope: node.webhookId ?? `${ctx.getWorkflow().id}/${node.name}` },
	};
	if (signed) {
		const { credentialType } = PROVIDERS[format];
		const credentialId = node.credentials?.[credentialType]?.id ?? undefined;
		const secrets = await webhookSecrets.get(credentialId, async () => {
			const { signingSecret, verifyToken } = signed.secretsOf(await ctx.getCredentials(credentialType));
			return { appSecret: signingSecret, verifyToken };
		});
		settings.appSecret = secrets.appSecret;
		settings.verifyToken = secrets.verifyToken;
		settings.unsignedAllowed = unsignedAllowed(node, read);
	}
	return settings;
}

/**
 * The body as received, or undefined when it can't be read. n8n keeps it in `rawBody` for the content
 * types it parses; for the others (version 2) it is read here, which fails when the client has gone.
 */
async function rawBodyOf(ctx: IWebhookFunctions): Promise<Buffer | undefined> {
	const request = ctx.getRequestObject();
	if (!Buffer.isBuffer(request.rawBody) && typeof request.readRawBody === 'function') {
		try {
			await request.readRawBody();
		} catch {
			return undefined;
		}
	}
	return Buffer.isBuffer(request.rawBody) ? request.rawBody : Buffer.alloc(0);
}

/** Answers the caller directly (status, text body) and tells n8n that nothing is to run. */
function respond(ctx: IWebhookFunctions, status: number, body: string, headers: Record<string, string> = {}): IWebhookResponseData {
	const res = ctx.getResponseObject();
	res.statusCode = status;
	res.setHeader('Content-Type', 'text/plain; charset=utf-8');
	res.setHeader('X-Content-Type-Options', 'nosniff');
	for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
	res.end(body);
	return { noWebhookResponse: true };
}

function act(ctx: IWebhookFunctions, outcome: Outcome): IWebhookResponseData {
	if (outcome.kind !== 'respond' && outcome.redelivered > 0) {
		// One line per delivery, whatever the number of events in it.
		ctx.logger.info('Messenger Trigger: dropped redelivered events', {
			workflowId: ctx.getWorkflow().id,
			node: ctx.getNode().name,
			dropped: outcome.redelivered,
			received: outcome.selected,
		});
	}
	switch (outcome.kind) {
		case 'respond':
			return respond(ctx, outcome.status, outcome.body, outcome.headers);
		case 'ignore':
			// Nothing selected in this delivery, or only redeliveries; a 2xx stops Meta (and CM.com) from retrying it.
			return respond(ctx, 200, ACKNOWLEDGEMENT);
		case 'emit':
			// n8n answers 200 EVENT_RECEIVED once the execution is created (responseMode onReceived),
			// so the acknowledgement never waits for the workflow to finish.
			return { workflowData: [outcome.events.map((event) => ({ json: event as unknown as IDataObject }))] };
	}
}

export class MessengerTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Messenger Trigger',
		name: 'messengerTrigger',
		icon: { light: 'file:../../icons/messenger.svg', dark: 'file:../../icons/messenger.dark.svg' },
		group: ['trigger'],
		// Version 2 changes nothing in the node: n8n treats every version-1 webhook node as its old Webhook
		// node and evaluates a `binaryData` option for each request before reading the body, an expression
		// run that cost more than the trigger's own work in the queue-mode scale run (BENCHMARKS.md).
		// Version 3 makes protection the default (./configuration.ts): saved workflows omit default values,
		// so a new default needs a new version for versions 1 and 2 to keep their meaning.
		version: [1, 2, 3],
		defaultVersion: 3,
		subtitle: `={{ (${JSON.stringify(VIA)})[$parameter["provider"]] }}`,
		// n8n's node picker merges this trigger into the Messenger node's entry and shows this text for both
		// (editor-ui useActionsGeneration.ts, generateMergedNodesAndActions), so it describes the pair.
		description: 'Send and receive Facebook Messenger messages through Meta, Infobip or CM.com',
		defaults: { name: 'Messenger Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: triggerCredentials,
		webhooks: triggerWebhooks,
		properties: [
			formatProperty,
			...noticeProperties,
			registerProperty,
			takeOverCallbackProperty,
			skipSignatureCheckProperty,
			...authenticationProperties,
			...eventsProperties,
			optionsProperty,
		],
	};

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return await checkExists(this);
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return await create(this);
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return await remove(this);
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		let settings: TriggerSettings;
		try {
			settings = await settingsOf(this);
		} catch (error) {
			// A trigger without its credential or with a broken parameter: say so in n8n's log, and
			// give the caller a short answer rather than n8n's generic failure.
			this.logger.error('Messenger Trigger is not configured', { error: (error as Error).message });
			return respond(this, 500, 'Trigger is not configured');
		}
		const request = this.getRequestObject();
		if (this.getWebhookName() === 'setup') {
			// n8n registers no GET webhook for the providers that sign nothing (./descriptions/webhooks.ts);
			// should one be served all the same, it is told to POST and starts nothing.
			return act(this, answerHandshake(settings.format, this.getQueryData() as IDataObject, settings.verifyToken));
		}
		const rawBody = await rawBodyOf(this);
		if (rawBody === undefined) return respond(this, 400, 'Could not read the request body');
		const outcome = handleDelivery(
			{
				headers: request.headers,
				rawBody,
				query: this.getQueryData() as IDataObject,
				params: this.getParamsData() as IDataObject,
			},
			settings,
		);
		return act(this, outcome);
	}
}
