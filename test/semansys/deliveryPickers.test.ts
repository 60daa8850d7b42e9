/**
 * Issue 22, item 8: Get Delivery Messages feeds the pickers of the Digipoort and SBR Nexus deliveries (message type,
 * receiver name, receiver ID) and the taxonomy entry point of the instance operations; a typed value still works.
 */
import { searchList } from '../helpers/n8n';
import { withInstance, useSemansys, type SemansysFixture } from './setup';

const fixture = useSemansys();
let f: SemansysFixture;
beforeAll(() => (f = fixture()));

const names = (result: { results: Array<{ name: string }> }) => result.results.map((r) => r.name);
const values = (result: { results: Array<{ value: unknown }> }) => result.results.map((r) => String(r.value));
const rl = (mode: string, value: string) => ({ __rl: true, mode, value });

describe('Semansys delivery pickers from Get Delivery Messages', () => {
	it('message types per portal, each from one read of the documented list', async () => {
		const digipoort = await searchList(f.node, 'searchDigipoortMessageTypes', { resource: 'delivery', operation: 'digipoort' });
		expect(names(digipoort)).toEqual(['Jaarrekening', 'VPB-aangifte']);
		expect(digipoort.results[0].description).toBe('Digipoort: XBRL');
		const sbrNexus = await searchList(f.node, 'searchSbrNexusMessageTypes', { resource: 'delivery', operation: 'sbrNexus' });
		expect(names(sbrNexus)).toEqual(['Inkomstenbelasting', 'Kredietrapportage']);
		expect(sbrNexus.results[0].description).toBe('SBR Nexus: XBRL and XML');
		expect(f.apiCalls().slice(-2)).toEqual(['GET /customer-corner/delivery/messages', 'GET /customer-corner/delivery/messages']);
		// The typed filter narrows the list.
		expect(names(await searchList(f.node, 'searchDigipoortMessageTypes', { resource: 'delivery', operation: 'digipoort' }, 'vpb'))).toEqual(['VPB-aangifte']);
	});

	it('receivers of the chosen message type (all of the portal while none is chosen), by name and by ID', async () => {
		const chosen = { resource: 'delivery', operation: 'sbrNexus', messageType: rl('list', 'Kredietrapportage') };
		expect(names(await searchList(f.node, 'searchSbrNexusStakeholders', chosen))).toEqual(['Rabobank']);
		const all = await searchList(f.node, 'searchSbrNexusStakeholders', { resource: 'delivery', operation: 'sbrNexus', messageType: rl('list', '') });
		expect(names(all)).toEqual(['Rabobank', 'ING']);
		expect(all.results[1].description).toBe('ID-ontvanger 00000000876543210000');
		const ids = await searchList(f.node, 'searchSbrNexusStakeholderIds', { ...chosen, messageType: rl('name', 'Inkomstenbelasting') });
		expect(ids.results).toEqual([
			{ name: 'Rabobank (ID-ontvanger 00000000123456780000)', value: '00000000123456780000' },
			{ name: 'ING (ID-ontvanger 00000000876543210000)', value: '00000000876543210000' },
		]);
		expect(names(await searchList(f.node, 'searchDigipoortStakeholders', { resource: 'delivery', operation: 'digipoort', messageType: 'VPB-aangifte' }))).toEqual(['Belastingdienst']);
	});

	it('entry points of every message type, newest validity first, for Schema Ref', async () => {
		const found = await searchList(f.node, 'searchEntryPoints', { resource: 'inputImport', operation: 'generateInstance' });
		expect(values(found)[0]).toMatch(/^https?:\/\/.+\.xsd$/);
		expect(found.results.map((r) => (r as { description?: string }).description?.match(/from (\d{4})/)?.[1])).toEqual(['2024', '2024', '2024', '2024', '2023']);
		expect(names(await searchList(f.node, 'searchEntryPoints', { resource: 'inputImport', operation: 'generateInstance' }, '2023 (micro)'))).toEqual(['KvK jaarverantwoording 2023 (micro)']);
	});

	it('an answer that is one object (as the page sample shows) gives its choices too', async () => {
		f.sandbox.control.setDeliveryMessages({ id: 9, name: 'Jaarrekening', portal: 'digipoort', receivers: [{ name: 'KvK', identityType: 'OIN', identityNumber: '1' }], entryPoints: [] });
		expect(names(await searchList(f.node, 'searchDigipoortMessageTypes', { resource: 'delivery', operation: 'digipoort' }))).toEqual(['Jaarrekening']);
		expect(names(await searchList(f.node, 'searchSbrNexusMessageTypes', { resource: 'delivery', operation: 'sbrNexus' }))).toEqual([]);
		expect(names(await searchList(f.node, 'searchDigipoortStakeholders', { resource: 'delivery', operation: 'digipoort' }))).toEqual(['KvK']);
		expect(names(await searchList(f.node, 'searchEntryPoints', { resource: 'inputImport', operation: 'generateInstance' }))).toEqual([]);
	});

	it('deliveries take the picked values and typed ones alike', async () => {
		const picked = await f.run(
			{
				resource: 'delivery',
				operation: 'sbrNexus',
				reportBinaryProperty: 'data',
				identifier: '12345678',
				typeOfSender: 'Accountant',
				messageType: rl('list', 'Kredietrapportage'),
				nameOfStakeholder: rl('list', 'Rabobank'),
				idOfStakeholder: rl('list', '00000000123456780000'),
				typeOfStakeholder: 'ID-ontvanger',
				idOfSupplier: 'SUP-1',
			},
			{ input: withInstance() },
		);
		expect(picked.error).toBeUndefined();
		expect(f.lastRequest()!.body).toMatchObject({ messageType: 'Kredietrapportage', nameOfStakeholder: 'Rabobank', idOfStakeholder: '00000000123456780000' });

		const typed = await f.run(
			{ resource: 'delivery', operation: 'digipoort', reportBinaryProperty: 'data', identifier: '12345678', typeOfSender: 'Accountant', messageType: rl('name', 'Omzetbelasting'), nameOfStakeholder: rl('name', 'Belastingdienst') },
			{ input: withInstance() },
		);
		expect(typed.error).toBeUndefined();
		expect(f.lastRequest()!.body).toMatchObject({ messageType: 'Omzetbelasting', nameOfStakeholder: 'Belastingdienst' });

		// An empty pick is caught by n8n before the node runs, naming the field.
		await expect(
			f.run(
				{ resource: 'delivery', operation: 'digipoort', reportBinaryProperty: 'data', identifier: '12345678', typeOfSender: 'Accountant', messageType: rl('list', ''), nameOfStakeholder: rl('list', 'KvK') },
				{ input: withInstance() },
			),
		).rejects.toThrow(/Parameter "Message Type" is required/);
	});
});
