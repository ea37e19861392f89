// Launches npm `webdav-server` (v2) on 127.0.0.1 over a folder on disk, for the e2e
// tests of other WebDAV servers: node servers/webdav-server.js PORT DIR [USER PASSWORD]
// With USER and PASSWORD it wants Basic auth. CORS preflights are answered here, before
// the server's own auth (a browser never sends credentials on a preflight).
const http = require('node:http');
const fs = require('node:fs');
const { v2: webdav } = require('webdav-server');

const [port, dir, user, password] = process.argv.slice(2);
fs.mkdirSync(dir, { recursive: true });

const options = { port: Number(port), hostname: '127.0.0.1' };
if (user) {
  const users = new webdav.SimpleUserManager();
  const u = users.addUser(user, password, false);
  const privileges = new webdav.SimplePathPrivilegeManager();
  privileges.setRights(u, '/', ['all']);
  Object.assign(options, {
    requireAuthentification: true,
    httpAuthentication: new webdav.HTTPBasicAuthentication(users, 'Outpost sync'),
    privilegeManager: privileges,
  });
}
const server = new webdav.WebDAVServer(options);

const cors = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, HEAD, PUT, MKCOL, PROPFIND, OPTIONS',
  'Access-Control-Allow-Headers': 'Authorization, Content-Type, Depth, If-None-Match',
  'Access-Control-Expose-Headers': 'ETag, Date, Content-Length',
  'Access-Control-Max-Age': '600',
};

server.setFileSystem('/', new webdav.PhysicalFileSystem(dir), () => {
  const http_server = http.createServer((req, res) => {
    for (const [k, v] of Object.entries(cors)) res.setHeader(k, v);
    if (req.method === 'OPTIONS' && req.headers.origin) {
      res.writeHead(204);
      res.end();
      return;
    }
    server.executeRequest(req, res);
  });
  http_server.listen(Number(port), '127.0.0.1', () => console.log(`webdav-server on 127.0.0.1:${port}`));
  const stop = () => http_server.close(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
});
