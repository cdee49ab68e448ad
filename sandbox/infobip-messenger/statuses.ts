// Message status and error objects (schemas MessageStatus {groupId, groupName, id, name, description}
// and MessageError {groupId, groupName, id, name, description, permanent}) the sandbox answers with.
// PENDING_ACCEPTED, DELIVERED_TO_HANDSET and NO_ERROR are the Messenger OpenAPI's own examples; the
// others are from Infobip's general status and error code tables
// (https://www.infobip.com/docs/essentials/api-essentials/response-status-and-error-codes).
//
// Sandbox decisions:
//  - Send answer: PENDING_ACCEPTED for every destination of a page the account owns; the outcome comes
//    later in the delivery report / reports / logs (the API is asynchronous).
//  - A `sender` that is not one of config.infobip.messengerApi.pageIds: REJECTED_SENDER in the send
//    answer (HTTP 200, per destination), nothing delivered.
//  - A destination that is no sandbox user (and not a COMMENT/POST reply): accepted, then
//    UNDELIVERABLE_NOT_DELIVERED with error EC_UNKNOWN_SUBSCRIBER in its report, nothing delivered.
export interface MessageStatus {
	groupId: number;
	groupName: 'ACCEPTED' | 'PENDING' | 'UNDELIVERABLE' | 'DELIVERED' | 'EXPIRED' | 'REJECTED';
	id: number;
	name: string;
	description: string;
}

export interface MessageError {
	groupId: number;
	groupName: 'OK' | 'HANDSET_ERRORS' | 'USER_ERRORS' | 'OPERATOR_ERRORS';
	id: number;
	name: string;
	description: string;
	permanent: boolean;
}

export const STATUS = {
	PENDING_ACCEPTED: { groupId: 1, groupName: 'PENDING', id: 26, name: 'PENDING_ACCEPTED', description: 'Message sent to next instance' },
	DELIVERED_TO_HANDSET: { groupId: 3, groupName: 'DELIVERED', id: 5, name: 'DELIVERED_TO_HANDSET', description: 'Message delivered to handset' },
	UNDELIVERABLE_NOT_DELIVERED: { groupId: 2, groupName: 'UNDELIVERABLE', id: 9, name: 'UNDELIVERABLE_NOT_DELIVERED', description: 'Message sent not delivered' },
	EXPIRED_EXPIRED: { groupId: 4, groupName: 'EXPIRED', id: 15, name: 'EXPIRED_EXPIRED', description: 'Message expired' },
	REJECTED_SENDER: { groupId: 5, groupName: 'REJECTED', id: 13, name: 'REJECTED_SENDER', description: 'Sender is not a page of this account' },
} as const satisfies Record<string, MessageStatus>;

export const ERROR = {
	NO_ERROR: { groupId: 0, groupName: 'OK', id: 0, name: 'NO_ERROR', description: 'No Error', permanent: false },
	EC_UNKNOWN_SUBSCRIBER: { groupId: 1, groupName: 'HANDSET_ERRORS', id: 1, name: 'EC_UNKNOWN_SUBSCRIBER', description: 'Unknown subscriber', permanent: true },
} as const satisfies Record<string, MessageError>;

/** Final outcomes an admin delivery report may force (`status` of POST .../delivery-report). */
export const FORCEABLE_OUTCOMES: Record<string, { status: MessageStatus; error: MessageError }> = {
	DELIVERED: { status: STATUS.DELIVERED_TO_HANDSET, error: ERROR.NO_ERROR },
	UNDELIVERABLE: { status: STATUS.UNDELIVERABLE_NOT_DELIVERED, error: ERROR.EC_UNKNOWN_SUBSCRIBER },
	EXPIRED: { status: STATUS.EXPIRED_EXPIRED, error: ERROR.NO_ERROR },
	REJECTED: { status: STATUS.REJECTED_SENDER, error: ERROR.NO_ERROR },
};

/** The price every report and log carries (schema MessagePrice); the sandbox charges nothing. */
export const PRICE = { pricePerMessage: 0, currency: 'EUR' } as const;

/** Infobip's time format, `yyyy-MM-dd'T'HH:mm:ss.SSS+0000` (UTC, no colon in the offset). */
export function formatInfobipTime(ms: number): string {
	return new Date(ms).toISOString().replace('Z', '+0000');
}
