/** Shared HTTP helpers for the sandbox tests (real HTTP through axios, never throwing on status). */
import axios, { AxiosError, type AxiosInstance, type AxiosResponse } from 'axios';
import type { FiskalySandbox } from '../sandbox/fiskaly';

export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function httpClient(baseURL: string, accessToken?: string): AxiosInstance {
	return axios.create({
		baseURL,
		validateStatus: () => true,
		headers: accessToken ? { Authorization: `Bearer ${accessToken}` } : {},
	});
}

/** Logs in through POST /auth and returns a client carrying the access token. */
export async function login(
	sandbox: FiskalySandbox,
	apiKey = sandbox.apiKey,
	apiSecret = sandbox.apiSecret,
): Promise<{ api: AxiosInstance; auth: Record<string, any> }> {
	const response = await httpClient(sandbox.baseUrl).post('/auth', { api_key: apiKey, api_secret: apiSecret });
	expect(response.status).toBe(200);
	return { api: httpClient(sandbox.baseUrl, response.data.access_token), auth: response.data };
}

/** The vendor error shape plus the X-Request-ID every answer carries. */
export function expectVendorError(response: AxiosResponse, status: number, code: string): void {
	expect({ status: response.status, data: response.data }).toEqual({
		status,
		data: { status_code: status, error: expect.any(String), code, message: expect.any(String) },
	});
	expect(response.headers['x-request-id']).toMatch(UUID_PATTERN);
}

/** The transport error of a request that must not get an HTTP answer. */
export async function expectTransportError(request: Promise<unknown>): Promise<AxiosError> {
	const error = await request.then(
		() => undefined,
		(caught: unknown) => caught,
	);
	expect(error).toBeInstanceOf(AxiosError);
	expect((error as AxiosError).response).toBeUndefined();
	return error as AxiosError;
}

export function validOrganization(overrides: Record<string, unknown> = {}): Record<string, unknown> {
	return { name: 'Acme GmbH', address_line1: 'Hauptstraße 1', zip: '10115', town: 'Berlin', country_code: 'DEU', ...overrides };
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
