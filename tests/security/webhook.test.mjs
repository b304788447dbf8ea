// Class 1 of issue 12: the local webhook listener answers only its owner. `blocksmith serve` runs on a free port
// and is attacked as a web page (or a DNS-rebinding page, or a careless local client) would attack it. The served
// flow's trigger calls a recording server, so "runs nothing" is checked by what the recorder received, not by the
// status code alone.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { newWorkspace, recordingServer } from "./harness.mjs";
import {
  eventually,
  rawRequest,
  requestText,
  setTrigger,
  stalledCaller,
  startServe,
} from "./webhook-helpers.mjs";

let recorder;
let serving;
let token;
let flowPath;
let host;

before(async () => {
  recorder = await recordingServer();
  const dir = await newWorkspace("webhook");
  setTrigger(
    dir,
    `module.exports = async (context, payload) => {
  await fetch(${JSON.stringify(`${recorder.url}/ran`)}, { method: "POST", body: payload.pathFragment || "-" });
  return { payload, response: { statusCode: 200, contentType: "text/plain", body: "ran" } };
};
`,
  );
  serving = await startServe(dir);
  host = `127.0.0.1:${serving.port}`;
  const url = new URL(serving.flows["Flow 1"]);
  flowPath = url.pathname;
  token = flowPath.split("/")[1];
});

after(async () => {
  serving?.stop();
  await recorder?.close();
});

/** Runs `attack` and asserts the flow did not run because of it (the recorder received nothing new). */
async function assertRunsNothing(attack) {
  const before = recorder.requests.length;
  const answer = await attack();
  // A run happens before its answer is written, so it has reached the recorder by now; the pause covers a run
  // the listener might have started after answering.
  await new Promise((resolve) => setTimeout(resolve, 300));
  assert.equal(recorder.requests.length, before, `the flow ran: ${answer?.raw ?? ""}`);
  return answer;
}

function assertNoCors(answer) {
  const cors = Object.keys(answer.headers).filter((name) => name.startsWith("access-control-"));
  assert.deepEqual(cors, [], `CORS headers were sent: ${answer.raw}`);
}

test("serve prints flow URLs that carry an unguessable token, and the token URL runs the flow", async () => {
  assert.match(serving.flows["Flow 1"], /^http:\/\/127\.0\.0\.1:\d+\/[0-9a-f]{32,}\/flow-1$/);
  assert.equal(serving.listening, `http://${host}`);

  const before = recorder.requests.length;
  const response = await fetch(`${serving.flows["Flow 1"]}/orders?id=7`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ id: 7 }),
  });
  assert.equal(response.status, 200);
  assert.equal(await response.text(), "ran");
  assert.equal(recorder.requests.length, before + 1);
  assert.equal(recorder.requests.at(-1).body, "orders");
  await eventually(() => serving.lines.some((line) => line.status === 200 && line.ok === true), {
    message: "serve to print the call's line",
  });
  const line = serving.lines.find((printed) => printed.status === 200);
  assert.equal(line.path, "/flow-1/orders", "the printed path is the flow's own, without the token");
});

test("a web page cannot run a flow at the old guessable URL: cross-origin POSTs and an <img> GET", async () => {
  const page = "https://attacker.example";
  const attacks = [
    // fetch(url, { method: "POST", mode: "no-cors", body: "..." }) from another site: a "simple" request.
    requestText(
      "POST",
      "/flow-1",
      [
        ["Host", host],
        ["Origin", page],
        ["Sec-Fetch-Site", "cross-site"],
        ["Sec-Fetch-Mode", "no-cors"],
        ["Content-Type", "text/plain;charset=UTF-8"],
        ["Content-Length", "11"],
      ],
      '{"id":"x1"}',
    ),
    // <form method="post" action="http://127.0.0.1:PORT/flow-1"> submitted by the page.
    requestText(
      "POST",
      "/flow-1",
      [
        ["Host", host],
        ["Origin", page],
        ["Sec-Fetch-Site", "cross-site"],
        ["Sec-Fetch-Mode", "navigate"],
        ["Content-Type", "application/x-www-form-urlencoded"],
        ["Content-Length", "7"],
      ],
      "order=7",
    ),
    // <img src="http://127.0.0.1:PORT/flow-1">: no Origin on a GET, only the fetch metadata.
    requestText("GET", "/flow-1", [
      ["Host", host],
      ["Accept", "image/avif,image/webp,*/*"],
      ["Sec-Fetch-Site", "cross-site"],
      ["Sec-Fetch-Mode", "no-cors"],
      ["Sec-Fetch-Dest", "image"],
    ]),
    // The same <img> from a browser that sends no fetch metadata at all: the URL alone must not be enough.
    requestText("GET", "/flow-1", [
      ["Host", host],
      ["Accept", "image/*"],
    ]),
  ];
  for (const attack of attacks) {
    const answer = await assertRunsNothing(() => rawRequest(serving.port, attack));
    assert.ok(answer.status >= 400 && answer.status < 500, `refused: ${answer.raw}`);
    assertNoCors(answer);
  }
});

test("a page that learnt the token still cannot run the flow from the browser: cross-site requests get 403", async () => {
  const attacks = [
    [
      ["Host", host],
      ["Origin", "https://attacker.example"],
      ["Content-Type", "text/plain"],
      ["Content-Length", "2"],
    ],
    [
      ["Host", host],
      ["Sec-Fetch-Site", "same-site"],
      ["Content-Type", "text/plain"],
      ["Content-Length", "2"],
    ],
    [
      ["Host", host],
      ["Origin", "null"],
      ["Content-Type", "text/plain"],
      ["Content-Length", "2"],
    ],
  ];
  for (const headers of attacks) {
    const answer = await assertRunsNothing(() => rawRequest(serving.port, requestText("POST", flowPath, headers, "{}")));
    assert.equal(answer.status, 403, answer.raw);
    assertNoCors(answer);
  }
});

test("DNS rebinding: a request whose Host is not the listener's own loopback address is refused with 421", async () => {
  const hosts = [`attacker.example:${serving.port}`, "attacker.example", `127.0.0.1:${serving.port + 1}`, "127.0.0.1"];
  for (const foreign of hosts) {
    const answer = await assertRunsNothing(() =>
      rawRequest(serving.port, requestText("POST", flowPath, [["Host", foreign], ["Content-Length", "2"]], "{}")),
    );
    assert.equal(answer.status, 421, `Host ${foreign}: ${answer.raw}`);
    assertNoCors(answer);
  }
  const hostless = await assertRunsNothing(() =>
    rawRequest(serving.port, `POST ${flowPath} HTTP/1.0\r\nContent-Length: 2\r\n\r\n{}`),
  );
  assert.equal(hostless.status, 421, hostless.raw);

  // The listener's own names still reach it.
  for (const own of [`localhost:${serving.port}`, `[::1]:${serving.port}`]) {
    const before = recorder.requests.length;
    const answer = await rawRequest(serving.port, requestText("POST", flowPath, [["Host", own], ["Content-Length", "2"]], "{}"));
    assert.equal(answer.status, 200, `Host ${own}: ${answer.raw}`);
    assert.equal(recorder.requests.length, before + 1);
  }
});

test("OPTIONS (a CORS preflight) never runs a flow and is answered without CORS headers", async () => {
  for (const headers of [
    [
      ["Host", host],
      ["Origin", `http://${host}`],
      ["Access-Control-Request-Method", "POST"],
      ["Access-Control-Request-Headers", "content-type"],
    ],
    [["Host", host]],
  ]) {
    const answer = await assertRunsNothing(() => rawRequest(serving.port, requestText("OPTIONS", flowPath, headers)));
    assert.ok(answer.status >= 400, `refused: ${answer.raw}`);
    assertNoCors(answer);
  }
});

test("a 404 lists nothing: no flow names, no URLs, no token", async () => {
  for (const path of ["/", "/nothing-here", `/${"0".repeat(token.length)}/flow-1`, `/${token}/other-flow`]) {
    const answer = await assertRunsNothing(() => rawRequest(serving.port, requestText("GET", path, [["Host", host]])));
    assert.equal(answer.status, 404, `${path}: ${answer.raw}`);
    for (const secret of ["Flow 1", "flow-1", "http://", token]) {
      assert.ok(!answer.body.includes(secret), `the 404 for ${path} reveals ${secret}: ${answer.body}`);
    }
  }
});

test("a body over 10 MB is refused with 413 before it is read, and runs nothing", async () => {
  const size = 11 * 1024 * 1024;
  // Only the head, announcing 11 MB: the answer must come without the body ever being sent.
  const announced = await assertRunsNothing(() =>
    rawRequest(
      serving.port,
      requestText("POST", flowPath, [["Host", host], ["Content-Type", "application/json"], ["Content-Length", String(size)]]),
      { timeoutMs: 10_000 },
    ),
  );
  assert.equal(announced.status, 413, announced.raw);

  // The whole 11 MB sent, chunked (no length to refuse up front): cut at the cap.
  const chunk = Buffer.alloc(1024 * 1024, "a");
  const parts = [Buffer.from(requestText("POST", flowPath, [["Host", host], ["Transfer-Encoding", "chunked"]]))];
  for (let sent = 0; sent < size; sent += chunk.length) {
    parts.push(Buffer.from(`${chunk.length.toString(16)}\r\n`), chunk, Buffer.from("\r\n"));
  }
  parts.push(Buffer.from("0\r\n\r\n"));
  const chunked = await assertRunsNothing(() => rawRequest(serving.port, Buffer.concat(parts), { timeoutMs: 30_000 }));
  assert.equal(chunked.status, 413, chunked.raw.slice(0, 500));

  // And an ordinary client sending 11 MB with its length gets the 413 too.
  const before = recorder.requests.length;
  const response = await fetch(serving.flows["Flow 1"], { method: "POST", body: Buffer.alloc(size, "b") }).catch(
    (error) => ({ status: `failed: ${error.cause ?? error}` }),
  );
  assert.equal(response.status, 413);
  assert.equal(recorder.requests.length, before);
});

test("too many or too large headers are refused with 431 and run nothing", async () => {
  const many = [["Host", host]];
  for (let i = 0; i < 300; i += 1) many.push([`X-Filler-${i}`, "x"]);
  const tooMany = await assertRunsNothing(() => rawRequest(serving.port, requestText("GET", flowPath, many)));
  assert.equal(tooMany.status, 431, tooMany.raw);

  const tooLarge = await assertRunsNothing(() =>
    rawRequest(serving.port, requestText("GET", flowPath, [["Host", host], ["X-Large", "y".repeat(200 * 1024)]])),
  );
  assert.equal(tooLarge.status, 431, tooLarge.raw);
});

test("stalled callers hold up nobody: another caller is answered at once, and the stalled ones are cut off", async () => {
  const silent = stalledCaller(serving.port);
  const halfHead = stalledCaller(serving.port, `POST ${flowPath} HTTP/1.1\r\nHost: ${host}\r\n`);
  // A body larger than a server might read ahead before handing the request on, so its reading is the
  // listener's own.
  const halfBody = stalledCaller(
    serving.port,
    `POST ${flowPath} HTTP/1.1\r\nHost: ${host}\r\nContent-Type: application/json\r\nContent-Length: 5000\r\n\r\n{"a":`,
  );
  try {
    await new Promise((resolve) => setTimeout(resolve, 300));
    const before = recorder.requests.length;
    const started = Date.now();
    const answer = await rawRequest(serving.port, requestText("POST", flowPath, [["Host", host], ["Content-Length", "2"]], "{}"), {
      timeoutMs: 8_000,
    });
    assert.equal(answer.status, 200, `the second caller was answered: ${answer.raw}`);
    assert.ok(Date.now() - started < 8_000);
    assert.equal(recorder.requests.length, before + 1);

    // Every read has a timeout: the listener hangs up on each stalled caller by itself.
    const cutOff = await Promise.race([
      Promise.all([silent.closedByServer, halfHead.closedByServer, halfBody.closedByServer]),
      new Promise((resolve) => setTimeout(() => resolve(null), 40_000)),
    ]);
    assert.ok(cutOff, "the listener closed the stalled connections within 40 s");
    assert.equal(cutOff[1].status, 408, cutOff[1].raw);
    assert.equal(cutOff[2].status, 408, cutOff[2].raw);
    assert.equal(recorder.requests.length, before + 1, "no stalled request ran the flow");
  } finally {
    silent.end();
    halfHead.end();
    halfBody.end();
  }
});
