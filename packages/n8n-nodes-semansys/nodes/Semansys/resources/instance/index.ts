import type { ResourceDescriptor } from '@n8n-nodes-eu-finance/shared/operations';
import { fileInput } from '../../files';
import { inferredOperations } from '../../inferred';
import { semansysOperation } from '../../operation';

const compare = semansysOperation({
	value: 'compare',
	name: 'Compare',
	action: 'Compare two instances',
	description: 'Compare a master and a child XBRL instance (binary fields or Customer Corner file IDs). Returns the differences as messages.',
	endpoint: { method: 'POST', path: '/instance/compare', confirmed: true },
	files: [fileInput('master', 'Master', false, 'master'), fileInput('child', 'Child', false, 'child')],
	properties: [],
	fields: {},
	request: (_input, files) => ({ body: { filesToBeCompared: { master: files.master.value, child: files.child.value } }, idempotent: true }),
});

export const instanceResource: ResourceDescriptor = {
	value: 'instance',
	name: 'Instance',
	operations: [...inferredOperations('instance'), compare],
};
