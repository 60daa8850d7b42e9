/** HTTP clients for tests and demos (axios, never throwing on status). */
import axios, { type AxiosInstance } from 'axios';
import type { TheNextInvoiceSandbox } from './index';

/** A client with the sandbox's X-Api-Token (or none with `auth: 'none'`, or a JWT). */
export function tniClient(sandbox: TheNextInvoiceSandbox, auth: 'apiToken' | 'none' | { jwt: string } = 'apiToken'): AxiosInstance {
	const headers: Record<string, string> = {};
	if (auth === 'apiToken') headers['X-Api-Token'] = sandbox.apiToken;
	else if (auth !== 'none') headers.Authorization = `Bearer ${auth.jwt}`;
	return axios.create({ baseURL: sandbox.baseUrl, validateStatus: () => true, headers });
}

/** Logs in with the owner's e-mail/password (optionally into `company`) and returns the JWT. */
export async function tniLogin(sandbox: TheNextInvoiceSandbox, company?: number): Promise<string> {
	const response = await tniClient(sandbox, 'none').post('/session/jwt', {
		email: sandbox.email,
		password: sandbox.password,
		...(company === undefined ? {} : { company }),
	});
	if (response.status !== 200) throw new Error(`login failed: ${response.status} ${JSON.stringify(response.data)}`);
	return response.data.data.token as string;
}
