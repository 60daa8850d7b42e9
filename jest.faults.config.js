/** `npm run test:faults`: the fault-injection suite (test/faults/*.faults.ts), one vendor after the other. */
const base = require('./jest.config.js');

module.exports = {
	...base,
	testMatch: ['**/test/faults/**/*.faults.ts'],
	testTimeout: 15 * 60 * 1000,
};
