// The one answer to "which folders of packages/ are n8n packages, and what is each one's tarball", shared by
// gulpfile.js (build, pack), scripts/check-release.mjs and scripts/n8n-runtime.ts (e2e, demo, browser and queue suites).
// A vendor package is a folder of packages/ whose package.json has an `n8n` section; packages/shared has none.
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const PACKAGES_DIR = path.join(ROOT, 'packages');
const TARBALLS_DIR = path.join(ROOT, '.build', 'tarballs');

/** What `npm pack` names a package's tarball: scope without "@", "/" as "-", then the version. */
function tarballName(json) {
	return `${json.name.replace(/^@/, '').replace('/', '-')}-${json.version}.tgz`;
}

/** The vendor packages in folder order: { folder, dir, name, json, tarball }. */
function vendorPackages() {
	return fs
		.readdirSync(PACKAGES_DIR)
		.sort()
		.map((folder) => ({ folder, dir: path.join(PACKAGES_DIR, folder) }))
		.filter(({ dir }) => fs.existsSync(path.join(dir, 'package.json')))
		.map(({ folder, dir }) => ({ folder, dir, json: JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) }))
		.filter(({ json }) => json.n8n !== undefined)
		.map(({ folder, dir, json }) => ({ folder, dir, name: json.name, json, tarball: path.join(TARBALLS_DIR, tarballName(json)) }));
}

module.exports = { ROOT, PACKAGES_DIR, TARBALLS_DIR, tarballName, vendorPackages };
