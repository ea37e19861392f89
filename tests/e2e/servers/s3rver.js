// Launches npm `@20minutes/s3rver` (an S3-compatible server that checks AWS Signature V4)
// on 127.0.0.1 over a folder on disk, with one bucket whose CORS rule lets the app's
// origin sign its own requests: node servers/s3rver.js PORT DIR BUCKET ACCESS_KEY SECRET
// Prints "ready" once it listens; stops on SIGTERM/SIGINT.
const S3rver = require('@20minutes/s3rver');
const { DUMMY_ACCOUNT } = require('@20minutes/s3rver/lib/models/account');

const [port, dir, bucket, accessKey, secret] = process.argv.slice(2);

// The rule docs/sync-hosts.md gives for a real bucket: the signing headers allowed,
// ETag (conditional reads) and Date (the host's clock) exposed.
const cors = `<CORSConfiguration>
  <CORSRule>
    <AllowedOrigin>*</AllowedOrigin>
    <AllowedMethod>GET</AllowedMethod>
    <AllowedMethod>HEAD</AllowedMethod>
    <AllowedMethod>PUT</AllowedMethod>
    <AllowedHeader>*</AllowedHeader>
    <ExposeHeader>ETag</ExposeHeader>
    <ExposeHeader>Date</ExposeHeader>
    <ExposeHeader>Content-Length</ExposeHeader>
    <MaxAgeSeconds>600</MaxAgeSeconds>
  </CORSRule>
</CORSConfiguration>`;

DUMMY_ACCOUNT.createKeyPair(accessKey, secret);
const server = new S3rver({
  address: '127.0.0.1',
  port: Number(port),
  directory: dir,
  silent: true,
  vhostBuckets: false,
  configureBuckets: [{ name: bucket, configs: [cors] }],
});

server.run().then(
  () => console.log('ready'),
  (e) => {
    console.error(`s3rver did not start: ${e}`);
    process.exit(1);
  },
);
const stop = () => server.close().finally(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
