/** The n8n credential type of CM.com's Business Messaging API (credentials/CmComMessengerApi.credentials.ts). */
export const CM_CREDENTIAL_TYPE = 'cmComMessengerApi';
