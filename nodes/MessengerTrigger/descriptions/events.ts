// "Trigger On": one list per provider, each with only the events that provider sends (its registry
// row's trigger description, beside its parser in nodes/shared/providers/<name>/). All three are the one parameter `events`, so saved workflows
// keep their choice: n8n reads the variant whose displayOptions match the node's provider
// (NodeHelpers.getNodeParameters skips the ones not shown), and each variant has its own default.
import type { INodeProperties } from 'n8n-workflow';

import type { TriggerChoice } from '../../shared/model/event';
import { PROVIDERS } from '../../shared/providers';
import { PANEL_ORDER } from './display';

/** What the node reads when n8n has no value at all: the default of Meta and Infobip. */
export const DEFAULT_EVENTS: TriggerChoice[] = ['text', 'attachment', 'quick_reply', 'postback'];

export const eventsProperties: INodeProperties[] = PANEL_ORDER.map((provider) => {
	const { events } = PROVIDERS[provider].inbound.trigger;
	return {
		displayName: 'Trigger On',
		name: 'events',
		type: 'multiOptions',
		options: events.options,
		default: [...events.default],
		required: true,
		description: events.description,
		displayOptions: { show: { provider: [provider] } },
	};
});
