// Every documented limit as a request whose measured value is n: the validator's unit tests and the
// node's end-to-end tests both walk this list, at the limit and one past it.
import type { ProviderLimits } from '../../../nodes/shared/model/limits';
import type { OperationName, SendRequest } from '../../../nodes/shared/model/message';
import { card, chars, postback, request, sampleMessage, urlButton } from './fixtures';

/** One documented limit: a request whose measured value is `n`, and the limit it is checked against. */
export interface LimitCase {
	name: string;
	operation: OperationName;
	field: string;
	limit: (limits: ProviderLimits) => number;
	make: (n: number) => SendRequest;
	/** 'length' limits report characters, 'count' limits report entries. */
	kind: 'length' | 'count';
}

export const LIMIT_CASES: LimitCase[] = [
	{ name: 'text', operation: 'text', field: 'text', kind: 'length', limit: (l) => l.text, make: (n) => request({ type: 'text', text: chars(n) }) },
	{
		name: 'quick reply count', operation: 'quickReplies', field: 'quickReplies', kind: 'count', limit: (l) => l.quickReplies.max,
		make: (n) => request({ type: 'quickReplies', text: 'Pick', quickReplies: Array.from({ length: n }, (_, i) => ({ title: `Q${i}`, payload: `P${i}` })) }),
	},
	{
		name: 'quick reply title', operation: 'quickReplies', field: 'quickReplies[0].title', kind: 'length', limit: (l) => l.quickReplies.title,
		make: (n) => request({ type: 'quickReplies', text: 'Pick', quickReplies: [{ title: chars(n), payload: 'P' }] }),
	},
	{
		name: 'quick reply payload', operation: 'quickReplies', field: 'quickReplies[0].payload', kind: 'length', limit: (l) => l.quickReplies.payload,
		make: (n) => request({ type: 'quickReplies', text: 'Pick', quickReplies: [{ title: 'T', payload: chars(n) }] }),
	},
	{
		name: 'button template text', operation: 'buttonTemplate', field: 'text', kind: 'length', limit: (l) => l.buttonTemplateText,
		make: (n) => request({ type: 'buttonTemplate', text: chars(n), buttons: [postback()] }),
	},
	{
		name: 'button count', operation: 'buttonTemplate', field: 'buttons', kind: 'count', limit: (l) => l.buttons.max,
		make: (n) => request({ type: 'buttonTemplate', text: 'T', buttons: Array.from({ length: n }, (_, i) => postback(`B${i}`, `P${i}`)) }),
	},
	{
		name: 'button title', operation: 'buttonTemplate', field: 'buttons[0].title', kind: 'length', limit: (l) => l.buttons.title,
		make: (n) => request({ type: 'buttonTemplate', text: 'T', buttons: [postback(chars(n))] }),
	},
	{
		name: 'button payload', operation: 'buttonTemplate', field: 'buttons[0].payload', kind: 'length', limit: (l) => l.buttons.payload,
		make: (n) => request({ type: 'buttonTemplate', text: 'T', buttons: [postback('B', chars(n))] }),
	},
	{
		name: 'card title', operation: 'genericTemplate', field: 'card.title', kind: 'length', limit: (l) => l.cards.title,
		make: (n) => request({ type: 'genericTemplate', card: card({ title: chars(n) }) }),
	},
	{
		name: 'card subtitle', operation: 'genericTemplate', field: 'card.subtitle', kind: 'length', limit: (l) => l.cards.subtitle,
		make: (n) => request({ type: 'genericTemplate', card: card({ subtitle: chars(n) }) }),
	},
	{
		name: 'card buttons', operation: 'genericTemplate', field: 'card.buttons', kind: 'count', limit: (l) => l.cards.buttons,
		make: (n) => request({ type: 'genericTemplate', card: card({ buttons: Array.from({ length: n }, (_, i) => postback(`B${i}`, `P${i}`)) }) }),
	},
	{
		name: 'carousel cards', operation: 'carousel', field: 'cards', kind: 'count', limit: (l) => l.cards.max,
		make: (n) => request({ type: 'carousel', cards: Array.from({ length: n }, (_, i) => card({ title: `Card ${i}` })) }),
	},
	{
		name: 'carousel card title', operation: 'carousel', field: 'cards[1].title', kind: 'length', limit: (l) => l.cards.title,
		make: (n) => request({ type: 'carousel', cards: [card(), card({ title: chars(n) })] }),
	},
	{
		name: 'media template buttons', operation: 'mediaTemplate', field: 'buttons', kind: 'count', limit: (l) => l.mediaTemplateButtons,
		make: (n) => {
			const message = sampleMessage('mediaTemplate');
			return request({ ...message, buttons: Array.from({ length: n }, (_, i) => urlButton(`B${i}`)) } as never);
		},
	},
	{
		name: 'product ids', operation: 'productTemplate', field: 'productIds', kind: 'count', limit: (l) => l.productIds,
		make: (n) => request({ type: 'productTemplate', productIds: Array.from({ length: n }, (_, i) => `P${i}`) }),
	},
	{
		name: 'opt-in title', operation: 'optInRequest', field: 'title', kind: 'length', limit: (l) => l.optIn.title,
		make: (n) => request({ type: 'optInRequest', title: chars(n), payload: 'P' }),
	},
	{
		name: 'opt-in payload', operation: 'optInRequest', field: 'payload', kind: 'length', limit: (l) => l.optIn.payload,
		make: (n) => request({ type: 'optInRequest', title: 'T', payload: chars(n) }),
	},
];
