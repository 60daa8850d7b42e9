/** Builds e2e workflows of chained TheNextInvoice nodes with the sandbox's API-token credential. */
import type { WorkflowJson } from '../../scripts/workflow-files';
import { nodeChain } from './workflow-chain';

export { byId } from './workflow-chain';

export const TNI_NODE = 'n8n-nodes-thenextinvoice.theNextInvoice';
export const TNI_TRIGGER = 'n8n-nodes-thenextinvoice.theNextInvoiceTrigger';
export const TNI_CREDENTIALS = { theNextInvoiceApi: { id: '{{THE_NEXT_INVOICE_CREDENTIAL_ID}}', name: '{{THE_NEXT_INVOICE_CREDENTIAL_NAME}}' } };

/** A resource locator value as the "From List" mode stores it (the picker's value). */
export const fromList = (value: string) => ({ __rl: true, mode: 'list', value });

/** Manual Trigger (or `start`) → TheNextInvoice steps, with the API token unless other credentials are given. */
export function tniChain(
	id: string,
	name: string,
	steps: Array<[string, Record<string, unknown>]>,
	options: { start?: Record<string, unknown> & { name: string }; credentials?: Record<string, { id: string; name: string }> } = {},
): WorkflowJson {
	const withAuth = steps.map(([stepName, parameters]): [string, Record<string, unknown>] => [stepName, { authentication: 'apiToken', ...parameters }]);
	return nodeChain({ id, name, type: TNI_NODE, credentials: options.credentials ?? TNI_CREDENTIALS, steps: withAuth, start: options.start });
}

/** The TheNextInvoice Trigger as the start node of a chain. */
export const tniTrigger = (parameters: Record<string, unknown>, credentials: Record<string, { id: string; name: string }> = TNI_CREDENTIALS) => ({
	id: 'trigger',
	name: 'Trigger',
	type: TNI_TRIGGER,
	typeVersion: 1,
	parameters: { authentication: 'apiToken', ...parameters },
	credentials,
});
