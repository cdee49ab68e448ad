// "Trigger On": one list per provider, each with only the events that provider sends (the parsers in
// nodes/shared/providers/*/inbound.ts). All three are the one parameter `events`, so saved workflows
// keep their choice: n8n reads the variant whose displayOptions match the node's provider
// (NodeHelpers.getNodeParameters skips the ones not shown), and each variant has its own default.
import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import type { TriggerChoice } from '../../shared/model/event';

const TEXT: INodePropertyOptions = { name: 'Text Message', value: 'text', description: 'A text message from the user' };
const UNKNOWN: INodePropertyOptions = {
	name: 'Unknown',
	value: 'unknown',
	description: 'Anything well-formed this node does not recognise, passed as is',
};

const META_EVENTS: INodePropertyOptions[] = [
	{
		name: 'Attachment',
		value: 'attachment',
		description: 'Image, audio, video, file, sticker, shared reel or post, location or link preview from the user',
	},
	{ name: 'Delivery', value: 'delivery', description: 'Messages of the page were delivered' },
	{ name: 'Echo', value: 'echo', description: 'A message the page sent (from any app or the inbox)' },
	{ name: 'Edit', value: 'edit', description: 'The user edited a message (new text in Text, count in Edit Count)' },
	{ name: 'Feed Change', value: 'feed', description: 'A comment or post on the page feed' },
	{ name: 'Opt-In', value: 'optin', description: 'Plugin opt-in (checkbox plugin: answer the User Ref)' },
	{ name: 'Postback', value: 'postback', description: 'A button tap' },
	{ name: 'Quick Reply', value: 'quick_reply', description: 'A quick-reply tap' },
	{ name: 'Reaction', value: 'reaction', description: 'The user reacted to a message, or took the reaction back' },
	{ name: 'Read', value: 'read', description: "The user read the page's messages" },
	{ name: 'Referral', value: 'referral', description: 'The user came through an m.me link, ad or plugin' },
	{
		name: 'Standby (Handover)',
		value: 'standby',
		description: 'Any event of a thread another app (e.g. the Page inbox) holds; flagged standby, never answered by default',
	},
	TEXT,
	UNKNOWN,
];

const INFOBIP_EVENTS: INodePropertyOptions[] = [
	{ name: 'Attachment', value: 'attachment', description: 'Image, audio, video, file or location from the user' },
	{ name: 'Postback', value: 'postback', description: 'A button tap' },
	{ name: 'Quick Reply', value: 'quick_reply', description: 'A quick-reply tap' },
	TEXT,
	UNKNOWN,
];

const CM_EVENTS: INodePropertyOptions[] = [
	{ name: 'Attachment', value: 'attachment', description: 'Image, audio, video, file or location from the user' },
	{ name: 'Opt-In', value: 'optin', description: 'Marketing-message opt-in, with its notification token' },
	{
		name: 'Quick Reply or Button Tap',
		value: 'quick_reply',
		description: 'CM.com reports quick-reply and button taps alike; the item carries the payload in both payload fields',
	},
	{
		name: 'Status Report',
		value: 'status_report',
		description: 'What happened to a message sent to the user (Status: accepted, delivered, read or failed)',
	},
	TEXT,
	UNKNOWN,
];

/** What the node reads when n8n has no value at all: the default of Meta and Infobip. */
export const DEFAULT_EVENTS: TriggerChoice[] = ['text', 'attachment', 'quick_reply', 'postback'];

export const eventsProperties: INodeProperties[] = [
	{
		displayName: 'Trigger On',
		name: 'events',
		type: 'multiOptions',
		options: META_EVENTS,
		default: ['text', 'attachment', 'quick_reply', 'postback'],
		required: true,
		description:
			'Which events start the workflow (one item each). Others are acknowledged and dropped. The webhook is subscribed to the matching fields.',
		displayOptions: { show: { provider: ['meta'] } },
	},
	{
		displayName: 'Trigger On',
		name: 'events',
		type: 'multiOptions',
		options: INFOBIP_EVENTS,
		default: ['text', 'attachment', 'quick_reply', 'postback'],
		required: true,
		description: 'Which forwarded messages start the workflow (one item each). Others are acknowledged and dropped.',
		displayOptions: { show: { provider: ['infobip'] } },
	},
	{
		displayName: 'Trigger On',
		name: 'events',
		type: 'multiOptions',
		options: CM_EVENTS,
		// CM.com never sends a postback: it reports button taps as quick replies.
		default: ['text', 'attachment', 'quick_reply'],
		required: true,
		description: 'Which messages and status reports start the workflow (one item each). Others are acknowledged and dropped.',
		displayOptions: { show: { provider: ['cm'] } },
	},
];
