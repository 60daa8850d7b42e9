/** Minimal path-pattern matching (`/a/:id/b`), shared by routes and fault rules. */

export type PathMatcher = (path: string) => Record<string, string> | undefined;

export function compilePath(pattern: string): PathMatcher {
	const names: string[] = [];
	const source = normalizePath(pattern)
		.split('/')
		.map((segment) => {
			if (segment.startsWith(':')) {
				names.push(segment.slice(1));
				return '([^/]+)';
			}
			return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
		})
		.join('/');
	const regex = new RegExp(`^${source}$`);

	return (path) => {
		const match = regex.exec(normalizePath(path));
		if (!match) return undefined;
		const params: Record<string, string> = {};
		try {
			names.forEach((name, i) => (params[name] = decodeURIComponent(match[i + 1])));
		} catch {
			return undefined; // malformed %-encoding cannot name a resource: treat as no match (404)
		}
		return params;
	};
}

/** Trailing slashes are not significant ('/x/' === '/x'). */
export function normalizePath(path: string): string {
	return path.length > 1 ? path.replace(/\/+$/, '') || '/' : path;
}
