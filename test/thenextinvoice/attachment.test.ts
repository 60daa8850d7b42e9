import { createAttachment, updateAttachment } from '../../packages/n8n-nodes-thenextinvoice/nodes/TheNextInvoice/resources/attachment/operations';
import type { OperationDescriptor, RequestTools } from '@n8n-nodes-eu-finance/shared/operations';
import { tniClient } from '../sandbox/thenextinvoice/test-client';
import { useTni } from './setup';

const f = useTni();

const op = (operation: string, parameters: Record<string, unknown> = {}) => f.run({ resource: 'attachment', operation, ...parameters } as never);

/** Binary input cannot come through runNode (JSON items only): the request builder gets a fake file. */
const tools = (files: Record<string, { data: Buffer; fileName: string; mimeType: string }>): RequestTools => ({
	binary: async (name) => {
		if (!files[name]) throw new Error(`no binary property ${name}`);
		return files[name];
	},
	uuid: () => '00000000-0000-4000-8000-000000000000',
});

/** Validates the parameters as the node does, builds the request and sends it to the sandbox as is. */
async function sendBuilt(descriptor: OperationDescriptor, parameters: Record<string, unknown>, files: Parameters<typeof tools>[0]) {
	const input = descriptor.schema.parse(parameters);
	const spec = await descriptor.request!(input, tools(files));
	const answer = await tniClient(f.sandbox).request({ method: spec.method, url: spec.path, data: spec.body });
	return { spec, answer };
}

const pdf = Buffer.from('%PDF-1.4 terms\n%%EOF');

describe('TheNextInvoice attachments', () => {
	it('create sends name, filename and base64 content from the binary field (File Name option overrides)', async () => {
		const { spec, answer } = await sendBuilt(createAttachment, { name: 'General terms', binaryPropertyName: 'data', options: {} }, { data: { data: pdf, fileName: 'terms.pdf', mimeType: 'application/pdf' } });
		expect(spec).toEqual({ method: 'POST', path: '/settings/attachments', body: { name: 'General terms', filename: 'terms.pdf', content: pdf.toString('base64') } });
		expect(answer.status).toBe(200);
		const id = answer.data.data.id as number;
		expect(f.sandbox.state.attachments.get(id)!.data.equals(pdf)).toBe(true);

		const renamed = await createAttachment.request!(createAttachment.schema.parse({ name: 'X', binaryPropertyName: 'data', options: { fileName: 'voorwaarden.pdf' } }), tools({ data: { data: pdf, fileName: 'terms.pdf', mimeType: 'application/pdf' } }));
		expect(renamed.body).toMatchObject({ filename: 'voorwaarden.pdf' });
	});

	it('create through the node: the input item\'s binary field becomes the base64 content', async () => {
		const input = [{ $binary: { doc: { base64: pdf.toString('base64'), fileName: 'voorwaarden.pdf', mimeType: 'application/pdf' } } }];
		const { json, error } = await f.run({ resource: 'attachment', operation: 'create', name: 'Voorwaarden', binaryPropertyName: 'doc', options: {} }, { input });
		expect(error).toBeUndefined();
		expect(f.apiCalls()).toEqual(['POST /settings/attachments']);
		expect(f.lastRequest()!.body).toEqual({ name: 'Voorwaarden', filename: 'voorwaarden.pdf', content: pdf.toString('base64') });
		expect(f.sandbox.state.attachments.get(Number(json[0].id))!.data.equals(pdf)).toBe(true);
	});

	it('lists with Return All and Limit', async () => {
		for (const name of ['A', 'B']) await sendBuilt(createAttachment, { name, binaryPropertyName: 'data', options: {} }, { data: { data: pdf, fileName: `${name}.pdf`, mimeType: 'application/pdf' } });
		f.sandbox.clearRequests();
		const all = await op('getAll', { returnAll: true });
		expect(all.error).toBeUndefined();
		expect(f.apiCalls()).toEqual(['GET /settings/attachments']);
		expect(all.json.length).toBeGreaterThanOrEqual(2);
		expect(all.json[0]).toEqual({ id: expect.any(Number), name: expect.any(String), filename: expect.any(String) });
		expect((await op('getAll', { returnAll: false, limit: 1 })).json).toHaveLength(1);
	});

	it('update renames through the node; a new file sends filename and content together', async () => {
		const { answer } = await sendBuilt(createAttachment, { name: 'Old', binaryPropertyName: 'data', options: {} }, { data: { data: pdf, fileName: 'old.pdf', mimeType: 'application/pdf' } });
		const id = answer.data.data.id as number;

		const renamed = await op('update', { attachmentId: String(id), updateFields: { name: 'New name' } });
		expect(renamed.error).toBeUndefined();
		expect(f.lastRequest()).toMatchObject({ method: 'PUT', path: `/api/v1/settings/attachments/${id}`, body: { name: 'New name' } });
		expect(renamed.json[0]).toEqual({ id, name: 'New name', filename: 'old.pdf' });

		const newFile = Buffer.from('new content');
		const { spec, answer: replaced } = await sendBuilt(updateAttachment, { attachmentId: String(id), updateFields: { binaryPropertyName: 'doc', fileName: 'new.txt' } }, { doc: { data: newFile, fileName: 'x.txt', mimeType: 'text/plain' } });
		expect(spec).toEqual({ method: 'PUT', path: `/settings/attachments/${id}`, body: { filename: 'new.txt', content: newFile.toString('base64') } });
		expect(replaced.status).toBe(200);
		expect(f.sandbox.state.attachments.get(id)).toMatchObject({ name: 'New name', filename: 'new.txt' });
	});

	it('update checks its fields before sending', async () => {
		const none = await op('update', { attachmentId: '1', updateFields: {} });
		expect(none.error?.message).toMatch(/add at least one field to change/);
		const nameOnly = await op('update', { attachmentId: '1', updateFields: { fileName: 'a.pdf' } });
		expect(nameOnly.error?.message).toMatch(/a new File Name needs a file/);
		expect(f.apiCalls()).toEqual([]);
	});

	it('deletes, and a missing attachment is the API\'s 404', async () => {
		const { answer } = await sendBuilt(createAttachment, { name: 'Tmp', binaryPropertyName: 'data', options: {} }, { data: { data: pdf, fileName: 'tmp.pdf', mimeType: 'application/pdf' } });
		const id = answer.data.data.id as number;
		const deleted = await op('delete', { attachmentId: String(id) });
		expect(deleted.error).toBeUndefined();
		expect(f.lastRequest()).toMatchObject({ method: 'DELETE', path: `/api/v1/settings/attachments/${id}` });
		expect(deleted.json[0]).toMatchObject({ attachmentId: id, deleted: true });
		const again = await op('delete', { attachmentId: String(id) });
		expect(again.error?.description).toMatch(/HTTP 404 · DELETE \/settings\/attachments\/\d+/);
	});

	it('create without binary input data fails for that item with n8n\'s message', async () => {
		const { error } = await op('create', { name: 'No file', binaryPropertyName: 'data', options: {} });
		expect(error?.message).toMatch(/binary/i);
		expect(f.apiCalls()).toEqual([]);
	});
});
