// Lints the shared transport (packages/shared) with n8n's own community-node config, the one `n8n-node lint` uses
// in each package, plus the node rules of eslint-plugin-n8n-nodes-base. The shared code is bundled into every
// package's dist/ but lives outside the packages' nodes/ folders, so neither `n8n-node lint` nor the scanner's source
// leg sees its TypeScript (the tarball leg does see its compiled .js). `npm run check:release` covers the packages.
import { config } from '@n8n/node-cli/eslint';
import n8nNodesBase from 'eslint-plugin-n8n-nodes-base';

export default [
	...config,
	{
		files: ['packages/shared/**/*.ts'],
		rules: {
			...n8nNodesBase.configs.nodes.rules,
			'n8n-nodes-base/node-class-description-inputs-wrong-regular-node': 'off',
			'n8n-nodes-base/node-class-description-outputs-wrong': 'off',
			'n8n-nodes-base/node-param-type-options-max-value-present': 'off',
		},
	},
];
