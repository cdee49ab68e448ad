// This provider in the Messenger Trigger's panel: its "Trigger On" list (the events ./inbound.ts
// produces from the three webhooks) and the notices that say what to set up outside n8n.
import { TEXT_CHOICE, UNKNOWN_CHOICE } from '../trigger-choices';
import type { TriggerDescription } from '../types';

export const INFOBIP_MESSENGER_TRIGGER: TriggerDescription = {
	events: {
		options: [
			{
				name: 'Attachment',
				value: 'attachment',
				description: 'Image, sticker, audio, video, file, shared link or location from the user',
			},
			{ name: 'Delivery Report', value: 'status_report', description: 'What happened to a message the page sent (Status: accepted, delivered or failed)' },
			{ name: 'Postback', value: 'postback', description: 'A button tap, with its payload' },
			{ name: 'Quick Reply', value: 'quick_reply', description: 'A quick-reply tap, with its payload' },
			{ name: 'Seen Report', value: 'read', description: 'The user saw a message the page sent' },
			TEXT_CHOICE,
			UNKNOWN_CHOICE,
		],
		default: ['text', 'attachment', 'quick_reply', 'postback'],
		description:
			'Which incoming messages and reports start the workflow (one item each). Others are acknowledged and dropped.',
	},
	notices: [
		{
			name: 'infobipMessengerNotice',
			text: "Infobip's Messenger API has no call to register this URL. Incoming messages: in the Infobip portal, add the Production URL above as the webhook of your Messenger sender (or ask Infobip support to set it). Delivery and seen reports: the same URL, set by Infobip support or per message. Infobip does not sign its calls, so choose an Authentication below.",
		},
	],
	// The portal's webhook is a URL; whether it can add a header is not documented, so Header Secret
	// (which needs a relay that adds it) is not offered, as for Infobip's v1 forward.
	headerSecret: false,
};
