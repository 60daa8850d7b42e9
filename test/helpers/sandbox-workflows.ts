/**
 * Node parameters that workflows of several suites (queue mode, crash) send to the sandboxes, with the sandboxes'
 * `{{NAME}}` placeholders (scripts/sandboxes.ts).
 */

/** A resource locator given by ID (or an expression that gives the ID). */
export const byId = (value: string) => ({ __rl: true, mode: 'id', value });

/**
 * TheNextInvoice Create: one line for the sandbox's first customer, profile, VAT code and ledger. `key` is the
 * Idempotency Key expression: run again, the same create returns the invoice made the first time.
 */
export const tniCreateInvoiceParameters = ({ description, amount, key }: { description: string; amount: string; key: string }) => ({
	resource: 'invoice',
	operation: 'create',
	receiverMode: 'id',
	receiver: byId('{{THE_NEXT_INVOICE_CUSTOMER_ID}}'),
	senderMode: 'id',
	sender: byId('{{THE_NEXT_INVOICE_PROFILE_ID}}'),
	lines: { line: [{ description, quantity: 1, price: amount, vat: '{{THE_NEXT_INVOICE_VAT_CODE_ID}}', ledger: '{{THE_NEXT_INVOICE_LEDGER_ID}}' }] },
	meta: { currency: 'EUR', language: 'en' },
	idempotencyKey: key,
});

/** fiskaly Create Organization: an organization in Berlin named `name` (its required address). */
export const fiskalyOrganizationParameters = (name: string) => ({
	resource: 'organization',
	operation: 'create',
	name,
	address_line1: 'Hauptstrasse 1',
	zip: '10115',
	town: 'Berlin',
	country_code: 'DEU',
});

/**
 * fiskaly Create Organization: a managed organization of the sandbox's own organization; `key` is the Idempotency Key
 * expression (kept in its metadata as n8n_creation_key and looked up before creating).
 */
export const fiskalyManagedOrganizationParameters = ({ name, key }: { name: string; key: string }) => ({
	...fiskalyOrganizationParameters(name),
	additionalFields: { managed_by_organization_id: '{{FISKALY_OWN_ORGANIZATION_ID}}' },
	idempotencyKey: key,
});
