/** The n8n credential type of a Facebook Page on the Graph API (credentials/FacebookPageMessengerApi.credentials.ts). */
export const FACEBOOK_PAGE_CREDENTIAL_TYPE = 'facebookPageMessengerApi';
