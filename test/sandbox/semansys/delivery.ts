/** Delivery to Digipoort and SBR Nexus, and the status questions about deliveries and HMRC submissions. */
import { isPlainObject, newUuid, type SandboxRequest, type SandboxRoute } from '../framework';
import { base64Field, BASE_PATH, fail, ok, requireString, type Delivery, type SemansysContext } from './context';


function body(req: SandboxRequest): Record<string, unknown> {
	if (!isPlainObject(req.body)) throw fail(400, 'A JSON body is required');
	return req.body;
}

function deliver(ctx: SemansysContext, channel: Delivery['channel'], fields: Record<string, unknown>): Delivery {
	const delivery: Delivery = {
		channel,
		kenmerk: channel === 'digipoort' ? `${Date.now()}${String(ctx.deliveries.size % 1000).padStart(3, '0')}` : `BTP-${newUuid().slice(0, 13)}`,
		identifier: requireString(fields, 'identifier')!,
		messageType: requireString(fields, 'messageType')!,
		fileName: requireString(fields, 'fileName')!,
		content: base64Field(fields, 'content'),
		at: new Date().toISOString(),
		statusQueries: 0,
	};
	ctx.deliveries.set(delivery.kenmerk, delivery);
	return delivery;
}

const receipt = (delivery: Delivery, previous?: string) => ({
	aanleverResponse: {
		kenmerk: delivery.kenmerk,
		berichtsoort: delivery.messageType,
		aanleverkenmerk: delivery.fileName,
		eerderAanleverkenmerk: previous ?? null,
		identiteitBelanghebbende: { nummer: delivery.identifier, type: 'kvk' },
		rolBelanghebbende: 'Bedrijf',
		tijdstempelAangeleverd: delivery.at,
	},
});

/**
 * A status's error as the answer carries it. As published: flat on the Digipoort status page, nested under `foutType`
 * on the SBR Nexus one; the switch puts either portal into either shape. Empty strings when there is none.
 */
function foutcode(ctx: SemansysContext, channel: Delivery['channel'], error = { foutcode: '', foutbeschrijving: '' }) {
	const shape = ctx.statusErrorShape === 'published' ? (channel === 'digipoort' ? 'flat' : 'nested') : ctx.statusErrorShape;
	return shape === 'flat' ? error : { foutType: error };
}

/** Statuses grow with each question: received, then delivered (100 → 500); a rejected delivery ends with its error. */
function statuses(ctx: SemansysContext, delivery: Delivery) {
	delivery.statusQueries += 1;
	const steps = [
		{ statuscode: '100', statusomschrijving: 'Aanleverproces gestart' },
		{ statuscode: '200', statusomschrijving: 'Authenticatie geslaagd' },
		{ statuscode: '500', statusomschrijving: 'Validatie geslaagd' },
	].slice(0, Math.min(3, delivery.statusQueries + 1));
	const entries = steps.map((step) => ({
		kenmerk: delivery.kenmerk,
		identiteitBelanghebbende: { nummer: delivery.identifier, type: 'kvk' },
		...step,
		tijdstempelStatus: delivery.at,
		statusFoutcode: foutcode(ctx, delivery.channel),
		statusdetails: '',
	}));
	if (delivery.rejection) {
		entries.splice(2, entries.length, {
			...entries[0],
			statuscode: '410',
			statusomschrijving: 'Validatie mislukt',
			statusFoutcode: foutcode(ctx, delivery.channel, delivery.rejection),
			statusdetails: delivery.rejection.foutbeschrijving,
		});
	}
	return { getStatussenProcesResponse: { getStatussenProcesReturn: entries }, errorMessage: null, errorCode: null };
}

export function deliveryRoutes(ctx: SemansysContext): SandboxRoute[] {
	return [
		{
			method: 'POST',
			path: `${BASE_PATH}/delivery/digipoort`,
			handler: (req) => {
				const fields = body(req);
				if (fields.idOfStakeholder !== undefined) throw fail(400, 'idOfStakeholder: is read-only');
				requireString(fields, 'nameOfStakeholder');
				requireString(fields, 'typeOfSender'); // "intermediar, accountant etc.": any text
				requireString(fields, 'certificateId', { optional: true });
				return ok(receipt(deliver(ctx, 'digipoort', fields)));
			},
		},
		{
			method: 'POST',
			path: `${BASE_PATH}/delivery/sbr-nexus`,
			handler: (req) => {
				const fields = body(req);
				for (const field of ['nameOfStakeholder', 'idOfStakeholder', 'typeOfStakeholder']) requireString(fields, field);
				requireString(fields, 'typeOfSender'); // "intermediar, accountant etc.": any text
				if (!fields.certificateId) requireString(fields, 'idOfSupplier');
				const attachments = fields.attachments ?? [];
				if (!Array.isArray(attachments)) throw fail(400, 'attachments: must be an array');
				attachments.forEach((attachment: Record<string, unknown>, i) => {
					if (!isPlainObject(attachment)) throw fail(400, `attachments[${i}]: must be an object`);
					requireString(attachment, 'name');
					base64Field(attachment, 'content');
				});
				return ok(receipt(deliver(ctx, 'sbr-nexus', fields)));
			},
		},
		...(['digipoort', 'sbr-nexus'] as const).map(
			(channel): SandboxRoute => ({
				method: 'POST',
				path: `${BASE_PATH}/status/${channel}`,
				handler: (req) => {
					const fields = body(req);
					const identifier = requireString(fields, 'identifier')!;
					if (channel === 'sbr-nexus' && !fields.certificateId) requireString(fields, 'idOfSupplier');
					const delivery = ctx.deliveries.get(identifier);
					if (!delivery || delivery.channel !== channel) {
						return ok({ getStatussenProcesResponse: null, errorMessage: `No delivery with kenmerk ${identifier}`, errorCode: 'NOT_FOUND' });
					}
					return ok(statuses(ctx, delivery));
				},
			}),
		),
		{
			method: 'POST',
			path: `${BASE_PATH}/status/hmrc`,
			handler: (req) => {
				const correlationId = requireString(body(req), 'correlationId')!;
				const submission = ctx.hmrcSubmissions.get(correlationId);
				if (!submission) throw fail(404, `No HMRC submission with correlation ID ${correlationId}`);
				return ok({ message: 'Submission accepted', acceptedTime: submission.acceptedTime });
			},
		},
	];
}
