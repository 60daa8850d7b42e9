/**
 * Which n8n process sent a request to a sandbox. Every process (main, worker 1, worker 2) has its own token cache,
 * so the suite counts logins per process. Nothing in a request names its process, but its TCP connection does:
 * while the sandbox handles a request, the client's socket (local port = the request's remotePort, remote port =
 * the sandbox's port) is open in exactly one process, and Linux lists the socket's inode in /proc/net/tcp and the
 * process's open sockets in /proc/<pid>/fd. The lookup runs synchronously when the sandbox records the request
 * (the client is waiting for the answer then), only for the requests the suite asks about.
 */
import * as fs from 'node:fs';
import type { RecordedRequest, RunningSandbox } from '../sandbox/framework';

const hexPort = (port: number) => port.toString(16).toUpperCase().padStart(4, '0');

/** The inode of the TCP socket 127.0.0.1:clientPort -> 127.0.0.1:serverPort, from /proc/net/tcp. */
function socketInode(clientPort: number, serverPort: number): string | undefined {
	const local = `0100007F:${hexPort(clientPort)}`;
	const remote = `0100007F:${hexPort(serverPort)}`;
	for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
		let text: string;
		try {
			text = fs.readFileSync(table, 'utf8');
		} catch {
			continue;
		}
		for (const line of text.split('\n')) {
			const fields = line.trim().split(/\s+/);
			// tcp6 lists IPv4 sockets as ::ffff:127.0.0.1 = 0000000000000000FFFF00000100007F
			if (fields.length > 9 && fields[1].endsWith(local) && fields[2].endsWith(remote)) return fields[9];
		}
	}
	return undefined;
}

function ownsSocket(pid: number, inode: string): boolean {
	const dir = `/proc/${pid}/fd`;
	let fds: string[];
	try {
		fds = fs.readdirSync(dir);
	} catch {
		return false;
	}
	const target = `socket:[${inode}]`;
	for (const fd of fds) {
		try {
			if (fs.readlinkSync(`${dir}/${fd}`) === target) return true;
		} catch {
			// closed meanwhile
		}
	}
	return false;
}

export interface ProcessAttribution {
	/**
	 * The process label of each attributed request: 'unknown' when its open socket is in none of the processes,
	 * 'gone' when the client had closed it before the request was recorded.
	 */
	labelOf(record: RecordedRequest): string | undefined;
	/** Requests attributed so far, per label. */
	counts(filter?: (record: RecordedRequest) => boolean): Record<string, number>;
	/** How many lookups found no process (should stay 0). */
	unknown: number;
}

/**
 * Attributes the requests `interesting` selects to one of `processes` (label -> pid, read at lookup time so a
 * process started later can be added). Hooks the sandbox's recording (its `requests` array) in place.
 */
export function attributeRequests(
	sandbox: RunningSandbox,
	processes: Map<string, number>,
	interesting: (record: RecordedRequest) => boolean,
): ProcessAttribution {
	const labels = new WeakMap<RecordedRequest, string>();
	const attributed: RecordedRequest[] = [];
	const result: ProcessAttribution = {
		unknown: 0,
		labelOf: (record) => labels.get(record),
		counts: (filter = () => true) => {
			const counts: Record<string, number> = {};
			for (const record of attributed) {
				if (!filter(record)) continue;
				const label = labels.get(record) ?? 'unknown';
				counts[label] = (counts[label] ?? 0) + 1;
			}
			return counts;
		},
	};
	const lookup = (record: RecordedRequest) => {
		const inode = record.remotePort === undefined ? undefined : socketInode(record.remotePort, sandbox.port);
		// No socket left: the client closed the connection before the request was recorded (it gave up, or its
		// process died). Nothing can tell its process then; that is not a request from an unknown process.
		let label = inode ? 'unknown' : 'gone';
		if (inode) {
			for (const [name, pid] of processes) {
				if (ownsSocket(pid, inode)) {
					label = name;
					break;
				}
			}
		}
		if (label === 'unknown') result.unknown++;
		labels.set(record, label);
		attributed.push(record);
	};
	const requests = sandbox.requests;
	const push = Array.prototype.push;
	// The framework records each request with requests.push() before it handles it, while the client waits.
	requests.push = function (...records: RecordedRequest[]): number {
		for (const record of records) if (interesting(record)) lookup(record);
		return push.apply(requests, records);
	};
	return result;
}
