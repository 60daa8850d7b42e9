import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { executeOperations } from '@n8n-nodes-eu-finance/shared/operations';
import { buildProperties } from '@n8n-nodes-eu-finance/shared/properties';
import { SEMANSYS_CREDENTIAL_TYPE, semansysApi } from './api';
import {
	searchDigipoortMessageTypes,
	searchDigipoortStakeholders,
	searchEntryPoints,
	searchSbrNexusMessageTypes,
	searchSbrNexusStakeholderIds,
	searchSbrNexusStakeholders,
} from './methods/listSearch';
import { resources } from './resources';

export class Semansys implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Semansys',
		name: 'semansys',
		icon: { light: 'file:semansys.svg', dark: 'file:semansys.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'XBRL reporting with Semansys.Next (OpenAPI V2): validation, rendering, delivery to Digipoort, SBR Nexus and HMRC, taxonomies',
		defaults: { name: 'Semansys' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: SEMANSYS_CREDENTIAL_TYPE, required: true }],
		properties: buildProperties(resources, 'validation'),
	};

	methods = {
		listSearch: {
			searchDigipoortMessageTypes,
			searchDigipoortStakeholders,
			searchSbrNexusMessageTypes,
			searchSbrNexusStakeholders,
			searchSbrNexusStakeholderIds,
			searchEntryPoints,
		},
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await executeOperations(this, semansysApi, resources);
	}
}
