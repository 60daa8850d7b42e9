/**
 * /billing-addresses: top-level (not nested under an organization; the link is the organization_id
 * body field). The list has no pagination parameters in the vendor doc and keeps creation order.
 */
import { assertValid, json, newUuid, requireJsonObject, type ObjectSchema, type SandboxRoute } from '../framework';
import {
	ADDRESS_FIELDS,
	BASE_PATH,
	listAnswer,
	notFound,
	requireUuidParam,
	updateRoutes,
	type FiskalyContext,
	type StoredBillingAddress,
} from './context';

const COLLECTION = `${BASE_PATH}/billing-addresses`;
const ITEM = `${COLLECTION}/:address_id`;

const FIELDS: ObjectSchema = {
	...ADDRESS_FIELDS,
	recipient: { type: 'string', required: true, minLength: 1 },
	recipient_additions: { type: 'string' },
	billing_contact_id: { type: 'string', format: 'uuid' },
	organization_id: { type: 'string', format: 'uuid' },
};

/** Sandbox stand-in for the vendor's VAT id check: country prefix + 2..12 alphanumerics. */
const VAT_ID_PATTERN = /^[A-Z]{2}[A-Z0-9]{2,12}$/;

export function billingAddressRoutes(ctx: FiskalyContext): SandboxRoute[] {
	const { billingAddresses, organizations } = ctx.state;

	/** Create/Update Billing Address list 404 for an unknown organization. */
	const checkOrganization = (organizationId: unknown) => {
		if (typeof organizationId === 'string' && !organizations.has(organizationId)) throw notFound('Organization', organizationId);
	};
	const requireAddress = (addressId: string): StoredBillingAddress => {
		const address = billingAddresses.get(addressId);
		if (!address) throw notFound('Billing address', addressId);
		return address;
	};

	return [
		{
			method: 'GET',
			path: COLLECTION,
			handler: () => {
				const data = [...billingAddresses.values()];
				return listAnswer({ data, count: data.length }, 'BILLING_ADDRESS_LIST');
			},
		},
		{
			method: 'POST',
			path: COLLECTION,
			handler: (req) => {
				const body = requireJsonObject(req);
				assertValid(body, FIELDS);
				checkOrganization(body.organization_id);
				const address: StoredBillingAddress = {
					...body,
					vat_id_valid: isValidVatId(body.vat_id),
					_id: newUuid(),
					_type: 'BILLING_ADDRESS',
					_envs: ['TEST'],
				};
				billingAddresses.set(address._id, address);
				return json(200, address);
			},
		},
		{
			method: 'GET',
			path: ITEM,
			handler: (req) => json(200, requireAddress(requireUuidParam(req, 'address_id'))),
		},
		...updateRoutes(ITEM, (req) => {
			const address = requireAddress(requireUuidParam(req, 'address_id'));
			const body = requireJsonObject(req);
			assertValid(body, FIELDS, { partial: true });
			checkOrganization(body.organization_id);
			Object.assign(address, body, { vat_id_valid: isValidVatId(body.vat_id ?? address.vat_id) });
			return json(200, address);
		}),
	];
}

function isValidVatId(vatId: unknown): boolean {
	return typeof vatId === 'string' && VAT_ID_PATTERN.test(vatId);
}
