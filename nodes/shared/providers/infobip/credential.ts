/** The n8n credential type of Infobip's Messenger API (credentials/InfobipMessengerApi.credentials.ts). */
export const INFOBIP_CREDENTIAL_TYPE = 'infobipMessengerApi';
