// This provider in the Messenger Trigger's panel: its "Trigger On" list (the events ./inbound.ts
// produces) and the notices that say what to set up outside n8n. Static text: true whatever the
// credential holds.
import { TEXT_CHOICE, UNKNOWN_CHOICE } from '../trigger-choices';
import type { TriggerDescription } from '../types';

export const CM_TRIGGER: TriggerDescription = {
	events: {
		options: [
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
			TEXT_CHOICE,
			UNKNOWN_CHOICE,
		],
		// CM.com never sends a postback: it reports button taps as quick replies.
		default: ['text', 'attachment', 'quick_reply'],
		description: 'Which messages and status reports start the workflow (one item each). Others are acknowledged and dropped.',
	},
	notices: [
		{
			name: 'cmNotice',
			text: 'CM.com has no API to register this URL: paste the Production URL above as the inbound (MO) and/or status report webhook of your Facebook Messenger channel in the CM.com Channels app. CM.com does not sign its calls and can only call a URL, so choose an Authentication below that fits in the URL.',
		},
	],
	headerSecret: true,
};
