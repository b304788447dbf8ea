// `require("os")`: the constants blocks use (`EOL`, `platform()`, `type()`, …) as on the platform's Linux.
// Nothing here reads the machine Blocksmith runs on: a block must not depend on it, and must not learn it.
(function (host, internals) {
  "use strict";
  internals.defineModule("os", {
    EOL: "\n",
    devNull: "/dev/null",
    platform: () => "linux",
    type: () => "Linux",
    arch: () => "x64",
    machine: () => "x86_64",
    endianness: () => "LE",
    homedir: () => "/",
    tmpdir: () => "/tmp",
    hostname: () => "localhost",
    availableParallelism: () => 1,
    constants: Object.freeze({ signals: Object.freeze({}), errno: Object.freeze({}) }),
  });
});
