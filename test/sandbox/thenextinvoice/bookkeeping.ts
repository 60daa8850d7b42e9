/** /settings/ledgernumbers, /settings/vatcodes (+ /vatcodes in percent), /settings/paymentmethods. */
import type { SandboxRoute } from '../framework';
import {
	BASE_PATH,
	companyOf,
	countCreate,
	fail,
	findOwned,
	jsonBody,
	ofCompany,
	ok,
	round2,
	validate,
	type StoredLedgerNumber,
	type StoredPaymentMethod,
	type StoredVatCode,
	type TheNextInvoiceContext,
} from './context';

export const VAT_TYPES = ['high', 'low', 'exempt', 'none', 'ICPS', 'ICPG', 'EBU'] as const;

const publicLedger = ({ id, name, ledgernumber, costcenter }: StoredLedgerNumber) => ({ id, name, ledgernumber, costcenter });
const publicVat = ({ id, name, code, factor, type }: StoredVatCode) => ({ id, name, code, factor, type });
const publicMethod = ({ id, name }: StoredPaymentMethod) => ({ id, name });

export function bookkeepingRoutes(ctx: TheNextInvoiceContext): SandboxRoute[] {
	const { ledgerNumbers, vatCodes, paymentMethods } = ctx.state;
	const LEDGER = `${BASE_PATH}/settings/ledgernumbers`;
	const VAT = `${BASE_PATH}/settings/vatcodes`;
	const METHODS = `${BASE_PATH}/settings/paymentmethods`;
	const ledgerRules = {
		name: { type: 'string', required: true },
		ledgernumber: { type: 'string' },
		costcenter: { type: 'string' },
	} as const;
	const vatRules = (typeRequired: boolean) =>
		({
			name: { type: 'string', required: true },
			code: { type: 'string' },
			factor: { type: 'number', required: true },
			type: { type: 'string', required: typeRequired, nullable: true, enum: VAT_TYPES },
		}) as const;

	function checkFactor(factor: unknown): void {
		if (typeof factor === 'number' && (factor < 1 || factor > 2)) throw fail(400, 'factor must be a multiplier between 1 and 2, e.g. 1.21');
	}

	return [
		// Ledger numbers
		{ method: 'GET', path: LEDGER, handler: (req) => ok(ofCompany(ledgerNumbers, companyOf(ctx, req)).map(publicLedger)) },
		{
			method: 'POST',
			path: LEDGER,
			handler: (req) => {
				const body = jsonBody(req);
				validate(body, ledgerRules);
				const id = ctx.nextId('ledgerNumber');
				const record: StoredLedgerNumber = {
					companyId: companyOf(ctx, req),
					id,
					name: body.name as string,
					ledgernumber: (body.ledgernumber as string | undefined) ?? '',
					costcenter: (body.costcenter as string | undefined) ?? '',
				};
				ledgerNumbers.set(id, record);
				countCreate(ctx, 'ledgerNumber');
				return ok(publicLedger(record));
			},
		},
		{
			method: 'PUT',
			path: `${LEDGER}/:id`,
			handler: (req) => {
				const record = findOwned(ledgerNumbers, companyOf(ctx, req), req.params.id, 'Ledger not found');
				const body = jsonBody(req);
				validate(body, ledgerRules);
				record.name = body.name as string;
				record.ledgernumber = (body.ledgernumber as string | undefined) ?? '';
				record.costcenter = (body.costcenter as string | undefined) ?? '';
				return ok(publicLedger(record));
			},
		},
		{
			// Documented with the id as a query parameter: DELETE /settings/ledgernumbers?id=76
			method: 'DELETE',
			path: LEDGER,
			handler: (req) => {
				const record = findOwned(ledgerNumbers, companyOf(ctx, req), req.query.id, 'Ledger not found');
				ledgerNumbers.delete(record.id);
				return ok('Ledgernumber has been removed');
			},
		},

		// VAT codes
		{ method: 'GET', path: VAT, handler: (req) => ok(ofCompany(vatCodes, companyOf(ctx, req)).map(publicVat)) },
		{
			method: 'GET',
			path: `${BASE_PATH}/vatcodes`,
			handler: (req) =>
				ok(ofCompany(vatCodes, companyOf(ctx, req)).map((vat) => ({ ...publicVat(vat), factor: round2((vat.factor - 1) * 100) }))),
		},
		{
			method: 'POST',
			path: VAT,
			handler: (req) => {
				const body = jsonBody(req);
				validate(body, vatRules(true));
				checkFactor(body.factor);
				const id = ctx.nextId('vatCode');
				const record: StoredVatCode = {
					companyId: companyOf(ctx, req),
					id,
					name: body.name as string,
					code: (body.code as string | undefined) ?? '',
					factor: body.factor as number,
					type: (body.type as string | null | undefined) ?? null,
				};
				vatCodes.set(id, record);
				countCreate(ctx, 'vatCode');
				return ok(publicVat(record));
			},
		},
		{
			method: 'PUT',
			path: `${VAT}/:id`,
			handler: (req) => {
				const record = findOwned(vatCodes, companyOf(ctx, req), req.params.id, 'Vat not found');
				const body = jsonBody(req);
				validate(body, vatRules(false));
				checkFactor(body.factor);
				record.name = body.name as string;
				record.code = (body.code as string | undefined) ?? '';
				record.factor = body.factor as number;
				if (body.type !== undefined) record.type = body.type as string | null;
				return ok(publicVat(record));
			},
		},
		{
			method: 'DELETE',
			path: `${VAT}/:id`,
			handler: (req) => {
				const record = findOwned(vatCodes, companyOf(ctx, req), req.params.id, 'VAT code not found');
				vatCodes.delete(record.id);
				return ok('Vatcode has been removed');
			},
		},

		// Payment methods
		{
			method: 'GET',
			path: METHODS,
			handler: (req) => {
				const methods = ofCompany(paymentMethods, companyOf(ctx, req));
				if (methods.length === 0) throw fail(404, 'No payment methods found');
				return ok(methods.map(publicMethod));
			},
		},
		{
			method: 'POST',
			path: METHODS,
			handler: (req) => {
				const body = jsonBody(req);
				validate(body, { name: { type: 'string', required: true } });
				const id = ctx.nextId('paymentMethod');
				const record: StoredPaymentMethod = { companyId: companyOf(ctx, req), id, name: body.name as string };
				paymentMethods.set(id, record);
				countCreate(ctx, 'paymentMethod');
				return ok(publicMethod(record));
			},
		},
		{
			method: 'PUT',
			path: `${METHODS}/:id`,
			handler: (req) => {
				const record = findOwned(paymentMethods, companyOf(ctx, req), req.params.id, 'Payment method not found');
				const body = jsonBody(req);
				validate(body, { name: { type: 'string', required: true } });
				record.name = body.name as string;
				return ok(publicMethod(record));
			},
		},
		{
			// Documented with the id as a query parameter: DELETE /settings/paymentmethods?id=8
			method: 'DELETE',
			path: METHODS,
			handler: (req) => {
				const record = findOwned(paymentMethods, companyOf(ctx, req), req.query.id, 'Payment method not found');
				paymentMethods.delete(record.id);
				return ok('Payment method has been removed');
			},
		},
	];
}
