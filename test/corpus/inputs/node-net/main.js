// A TCP echo server and an HTTP server on 127.0.0.1, with clients in the
// same process: libuv's sockets on a completion port (AcceptEx, overlapped
// WSARecv and WSASend) in the sandbox's own loopback.
const net = require("net");
const http = require("http");

function echo() {
  return new Promise((resolve) => {
    const server = net.createServer((c) => c.pipe(c));
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      let done = 0, bytes = 0;
      for (let k = 0; k < 3; k++) {
        const c = net.connect(port, "127.0.0.1", () => c.end(Buffer.alloc(100000, 65 + k)));
        c.on("data", (d) => (bytes += d.length));
        c.on("close", () => {
          if (++done === 3) server.close(() => resolve(bytes));
        });
      }
    });
  });
}

function web() {
  return new Promise((resolve) => {
    const server = http.createServer((req, res) => res.end("hello from " + req.url));
    server.listen(0, "127.0.0.1", () => {
      http.get({ host: "127.0.0.1", port: server.address().port, path: "/net" }, (res) => {
        let body = "";
        res.on("data", (d) => (body += d));
        res.on("end", () => server.close(() => resolve(res.statusCode + " " + body)));
      });
    });
  });
}

(async () => {
  console.log("net: echoed", await echo(), "bytes");
  console.log("http:", await web());
})();
