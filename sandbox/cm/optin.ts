// Notification (marketing message) tokens: issued when a user accepts an opt-in request (user action
// `optin` via `cm`), then accepted by /v1.0/message as a recipient together with the tag
// NOTIFICATION_MESSAGE (seed 004, "Sending Marketing Messages"). Tokens do not expire (seed 004:
// "Beginning August 10, 2023, notification tokens will no longer expire").
import { randomBytes } from 'node:crypto';

export class NotificationTokens {
	private readonly owners = new Map<string, { psid: string; postbackdata: string }>();

	issue(psid: string, postbackdata: string): string {
		const token = `nt-${randomBytes(12).toString('hex')}`;
		this.owners.set(token, { psid, postbackdata });
		return token;
	}

	owner(token: string): string | undefined {
		return this.owners.get(token)?.psid;
	}

	clear(): void {
		this.owners.clear();
	}
}
