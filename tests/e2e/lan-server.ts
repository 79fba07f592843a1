/**
 * The server as `npm start` runs it (the built pages, settings from the environment), on a laptop
 * whose network is a test's: besides loopback, two classroom addresses from documentation ranges,
 * which nothing on the machine really has (a laptop on Wi-Fi and on a cable). It listens on every interface, as by default, and
 * prints "listening <port>" once ready.
 */
import type { NetworkInterfaceInfo } from 'node:os';
import { createServer, type HttpHandler } from '../../server/app';
import { readSettings } from '../../server/config';
import { silentLogger } from '../../server/log';
import { closeOnSignals } from '../../server/shutdown';
import { fromSettings, loadScenarioOrExit, openStore } from '../../server/startup';

const v4 = (address: string, internal: boolean) =>
	({ address, family: 'IPv4', internal, netmask: '255.255.255.0', mac: '00:00:00:00:00:00', cidr: `${address}/24` }) as NetworkInterfaceInfo;

const settings = readSettings();
const { handler } = (await import(new URL('../../build/handler.js', import.meta.url).href)) as { handler: HttpHandler };
const server = createServer({
	store: await openStore(settings),
	scenario: await loadScenarioOrExit(settings),
	handler,
	logger: silentLogger,
	...fromSettings(settings),
	networkInterfaces: () => ({ lo: [v4('127.0.0.1', true)], wlan0: [v4('192.0.2.20', false)], eth0: [v4('198.51.100.7', false)] })
});
const address = await server.listen(0, '0.0.0.0');
closeOnSignals(server, silentLogger);
console.log(`listening ${address.port}`);
