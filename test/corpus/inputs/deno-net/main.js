// A TCP echo server and its client on 127.0.0.1 in one Deno process:
// tokio's sockets, polled through mio's IOCTL_AFD_POLL on a completion
// port, in the sandbox's own loopback.
const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
const { port } = listener.addr;

async function serve() {
  const conn = await listener.accept();
  const buf = new Uint8Array(65536);
  let n;
  while ((n = await conn.read(buf)) !== null) {
    let off = 0;
    while (off < n) off += await conn.write(buf.subarray(off, n));
  }
  conn.close();
}

const served = serve();
const conn = await Deno.connect({ hostname: "127.0.0.1", port });
const data = new Uint8Array(100000).fill(66);
const reading = (async () => {
  const buf = new Uint8Array(65536);
  let got = 0, n;
  while ((n = await conn.read(buf)) !== null) got += n;
  return got;
})();
let off = 0;
while (off < data.length) off += await conn.write(data.subarray(off));
await conn.closeWrite();
const got = await reading;
await served;
listener.close();
console.log("deno net: echoed", got, "bytes");
