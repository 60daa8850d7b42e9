// Builds the four n8n packages from one source tree (`npm run build` = `gulp build`, `gulp pack` for tarballs).
//
//   1. compile: tsc compiles every package's nodes/ and credentials/ and the shared transport (packages/shared) once
//      into .build/<package>/ and .build/shared/.
//   2. bundle:  each package's dist/ gets its own compiled nodes and credentials plus a copy of the compiled shared
//      transport in dist/shared/. Imports of `@n8n-nodes-eu-finance/shared/...` become relative requires, so the
//      published package needs nothing at run time but n8n-workflow and zod (which n8n provides).
//   3. assets:  icons (.svg/.png) and codex files (.node.json) next to the compiled nodes, as n8n expects.
//   4. pack:    `npm pack` of each package into .build/tarballs/ (what the e2e suite, the demo and check:release use).
const { src, dest, series, parallel, task } = require('gulp');
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { Transform } = require('node:stream');
const { vendorPackages, TARBALLS_DIR: TARBALLS } = require('./scripts/vendor-packages.cjs');

const ROOT = __dirname;
const BUILD = path.join(ROOT, '.build');
const SHARED_SPECIFIER = '@n8n-nodes-eu-finance/shared/';

function run(command, args, cwd = ROOT) {
	const result = spawnSync(command, args, { cwd, stdio: 'inherit' });
	if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (exit ${result.status ?? result.signal})`);
}

/** Rewrites `require("@n8n-nodes-eu-finance/shared/x")` in a compiled file to a relative path into dist/shared/. */
function bundleSharedRequires(distRoot) {
	return new Transform({
		objectMode: true,
		transform(file, _encoding, done) {
			if (file.isBuffer() && file.path.endsWith('.js')) {
				const target = path.join(distRoot, file.relative);
				const code = file.contents.toString('utf8').replace(/require\("@n8n-nodes-eu-finance\/shared\/([^"]+)"\)/g, (_m, rest) => {
					let relative = path.relative(path.dirname(target), path.join(distRoot, 'shared', rest)).split(path.sep).join('/');
					if (!relative.startsWith('.')) relative = `./${relative}`;
					return `require("${relative}")`;
				});
				if (code.includes(SHARED_SPECIFIER)) return done(new Error(`${file.relative}: an import of ${SHARED_SPECIFIER} was left unbundled`));
				file.contents = Buffer.from(code);
			}
			done(null, file);
		},
	});
}

function clean(done) {
	fs.rmSync(BUILD, { recursive: true, force: true });
	for (const { dir } of vendorPackages()) fs.rmSync(path.join(dir, 'dist'), { recursive: true, force: true });
	done();
}

function compile(done) {
	run(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json']);
	done();
}

function bundlePackage({ folder: name, dir }) {
	const dist = path.join(dir, 'dist');
	const own = () =>
		src(['nodes/**/*.js', 'credentials/**/*.js'], { cwd: path.join(BUILD, name), base: path.join(BUILD, name) })
			.pipe(bundleSharedRequires(dist))
			.pipe(dest(dist));
	const shared = () =>
		src('**/*.js', { cwd: path.join(BUILD, 'shared'), base: path.join(BUILD, 'shared') }).pipe(dest(path.join(dist, 'shared')));
	const assets = () =>
		src(['nodes/**/*.{svg,png}', 'nodes/**/*.node.json', 'credentials/**/*.{svg,png}'], { cwd: dir, base: dir, encoding: false }).pipe(
			dest(dist),
		);
	const named = (fn, label) => Object.assign(fn, { displayName: `${label} ${name}` });
	return parallel(named(own, 'nodes+credentials'), named(shared, 'shared transport'), named(assets, 'icons+codex'));
}

function pack(done) {
	fs.rmSync(TARBALLS, { recursive: true, force: true });
	fs.mkdirSync(TARBALLS, { recursive: true });
	for (const { dir } of vendorPackages()) {
		run('npm', ['pack', '--silent', '--pack-destination', TARBALLS], dir);
	}
	done();
}

task('clean', clean);
task('build', series(clean, compile, parallel(...vendorPackages().map(bundlePackage))));
task('pack', pack);
task('default', series('build', 'pack'));
