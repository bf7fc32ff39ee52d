// Preloaded with `node --import` by the offline test: every way Node can reach the network
// throws, so a command that tried would fail loudly instead of quietly sending something.
import { createRequire, syncBuiltinESMExports } from 'node:module';

const require = createRequire(import.meta.url);
const blocked = (what) => () => {
  throw new Error(`smcheck-test: network use blocked (${what})`);
};
for (const name of ['net', 'tls', 'http', 'https', 'http2', 'dns', 'dgram']) {
  const mod = require(`node:${name}`);
  for (const key of Object.keys(mod)) {
    if (typeof mod[key] === 'function' && /^(connect|createConnection|request|get|lookup|resolve\w*|createSocket|createServer)$/.test(key)) {
      mod[key] = blocked(`${name}.${key}`);
    }
  }
  if (mod.promises) for (const key of Object.keys(mod.promises)) if (typeof mod.promises[key] === 'function') mod.promises[key] = blocked(`${name}.promises.${key}`);
}
const net = require('node:net');
net.Socket.prototype.connect = blocked('net.Socket.connect');
require('node:dgram').Socket.prototype.send = blocked('dgram.Socket.send');
globalThis.fetch = blocked('fetch');
globalThis.WebSocket = blocked('WebSocket');
syncBuiltinESMExports();
if (typeof net.connect === 'function') {
  try {
    net.connect(80, 'example.org');
  } catch {
    globalThis.__smcheckNetworkBlocked = true;
  }
}
