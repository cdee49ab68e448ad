// This provider in the Messenger Trigger's panel: its "Trigger On" list (the events ./inbound.ts
// produces) and the notices that say what to set up outside n8n. Static text: true whatever the
// credential holds.
import { TEXT_CHOICE, UNKNOWN_CHOICE } from '../trigger-choices';
import type { TriggerDescription } from '../types';

export const META_TRIGGER: TriggerDescription = {
	events: {
		options: [
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
			TEXT_CHOICE,
			UNKNOWN_CHOICE,
		],
		default: ['text', 'attachment', 'quick_reply', 'postback'],
		description: 'Which events start the workflow (one item each). Others are acknowledged and dropped. The webhook is subscribed to the matching fields.',
	},
	notices: [
		{
			name: 'signatureNotice',
			text: 'Meta signs each delivery with the app secret. This trigger checks the X-Hub-Signature-256 header when the Facebook Page credential has an App Secret, and takes deliveries unchecked when it has none: add one so that only Meta can start the workflow.',
			when: { versions: 'beforeSafeDefaults' },
		},
		{
			name: 'signatureNotice',
			text: 'Meta signs each delivery with the app secret, and the trigger checks X-Hub-Signature-256 with the App Secret of the Facebook Page credential. Without one it does not activate, unless you turn on Skip Signature Check below.',
			when: { versions: 'safeDefaults' },
		},
		{
			name: 'manualSetupNotice',
			text: "Register Webhook With Meta is off, so set the webhook up in your Meta app's dashboard. Activate this workflow first (Meta calls the URL to verify it), then in Messenger > Settings, under Configure webhooks, paste the Production URL above as the Callback URL and the credential's Webhook Verify Token as the Verify Token, and add subscriptions for your page with the fields of the events below (messages, messaging_postbacks...).",
			when: { registerWebhook: false },
		},
	],
};
