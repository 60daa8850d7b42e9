// ESLint 9 flat config: n8n's community rules plus eslint-plugin-n8n-nodes-base (wired by hand,
// its configs are eslintrc-style).
import n8nCommunity from '@n8n/eslint-plugin-community-nodes';
import n8nNodesBase from 'eslint-plugin-n8n-nodes-base';
import tseslint from 'typescript-eslint';
import jsonParser from 'jsonc-eslint-parser';

export default [
	{ ignores: ['dist/**', 'node_modules/**', '.runtime/**', 'test/**', 'scripts/**', 'examples/**', 'gulpfile.js', 'jest.config.js'] },
	{
		files: ['nodes/**/*.ts', 'credentials/**/*.ts'],
		languageOptions: { parser: tseslint.parser, parserOptions: { project: './tsconfig.json' } },
		plugins: { 'n8n-nodes-base': n8nNodesBase, '@n8n/community-nodes': n8nCommunity },
		rules: { ...n8nCommunity.configs.recommended.rules },
	},
	{
		files: ['nodes/**/*.node.ts', 'nodes/**/resources/**/*.ts', 'nodes/**/fields.ts'],
		rules: {
			...n8nNodesBase.configs.nodes.rules,
			// n8n's own community config turns these off: NodeConnectionTypes.Main is the current API.
			'n8n-nodes-base/node-class-description-inputs-wrong-regular-node': 'off',
			'n8n-nodes-base/node-class-description-outputs-wrong': 'off',
		},
	},
	{
		files: ['credentials/**/*.ts'],
		rules: {
			...n8nNodesBase.configs.credentials.rules,
			// This older rule wants a slug; n8n's current rule (credential-documentation-url) wants a full URL.
			'n8n-nodes-base/cred-class-field-documentation-url-miscased': 'off',
		},
	},
	{
		files: ['package.json'],
		languageOptions: { parser: jsonParser },
		plugins: { 'n8n-nodes-base': n8nNodesBase, '@n8n/community-nodes': n8nCommunity },
		rules: {
			...n8nNodesBase.configs.community.rules,
			'@n8n/community-nodes/no-runtime-dependencies': 'error',
			'@n8n/community-nodes/valid-peer-dependencies': 'error',
			'@n8n/community-nodes/package-name-convention': 'error',
			'@n8n/community-nodes/require-files-array': 'warn',
			'@n8n/community-nodes/node-registration-complete': 'warn',
			'@n8n/community-nodes/no-forbidden-lifecycle-scripts': 'error',
			'@n8n/community-nodes/valid-author': 'error',
		},
	},
];
