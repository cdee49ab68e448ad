// Infobip's Messenger API takes the same account credential as its v1 Facebook API: the account's own
// base URL and an API key (or basic auth), sent as `Authorization: App <key>` (the spec's
// securitySchemes APIKeyHeader and Basic). One credential type, two registry rows.
export const INFOBIP_MESSENGER_CREDENTIAL_TYPE = 'infobipMessengerApi';
