/** Tests run TypeScript directly through ts-jest; sandboxes listen on 127.0.0.1 random ports. */
module.exports = {
	preset: 'ts-jest',
	// jest's node environment that prints n8n's held-back log lines with a failed test (test/helpers/console-capture.ts).
	testEnvironment: '<rootDir>/test/helpers/log-environment.ts',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	testPathIgnorePatterns: ['/node_modules/', '/test/e2e/'],
	transform: { '^.+\\.ts$': ['ts-jest', { diagnostics: false }] },
	// The packages import the shared transport by its workspace name (the build bundles it into each dist/).
	moduleNameMapper: { '^@n8n-nodes-eu-finance/shared/(.*)$': '<rootDir>/packages/shared/$1' },
	modulePathIgnorePatterns: ['<rootDir>/packages/.*/dist/', '<rootDir>/.build/', '<rootDir>/.runtime/'],
	testTimeout: 60000,
	setupFiles: ['<rootDir>/test/helpers/jest-setup.ts'],
	// The secret scan across every test (test/helpers/secrets.ts).
	setupFilesAfterEnv: ['<rootDir>/test/helpers/secret-scan-setup.ts'],
	globalSetup: '<rootDir>/test/helpers/secret-scan-global-setup.ts',
	globalTeardown: '<rootDir>/test/helpers/secret-scan-global-teardown.ts',
};
