import { createServer } from 'node:net';
import { UserError } from '../user-error';

/** Asks the OS for a free TCP port on host (the socket is closed before returning). */
export function freePort(host = '127.0.0.1'): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, host, () => {
			const address = server.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			server.close(() => resolve(port));
		});
	});
}

/** Throws a UserError naming the port when something already listens there. */
export function assertPortFree(host: string, port: number): Promise<void> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.once('error', (error: NodeJS.ErrnoException) => {
			if (error.code === 'EADDRINUSE') {
				reject(
					new UserError(
						`port ${port} on ${host} is already in use (another Clyde or PocketBase?); stop it or start with PORT=<another port>`
					)
				);
			} else if (error.code === 'EADDRNOTAVAIL') {
				reject(new UserError(`HOST ${host} is not an address of this machine`));
			} else {
				reject(error);
			}
		});
		server.listen(port, host, () => server.close(() => resolve()));
	});
}
