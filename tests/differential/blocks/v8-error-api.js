// V8's error API that npm packages call: Error.captureStackTrace in custom error classes, stackTraceLimit,
// prepareStackTrace with call sites (as `callsites`-style helpers use it), and err.stack's format.
class ApiError extends Error {
  constructor(message, status) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    Error.captureStackTrace(this, ApiError);
  }
}

function failRequest() {
  return new ApiError("upstream said no", 502);
}

function captureHere(target) {
  Error.captureStackTrace(target);
  return target;
}

function outer() {
  return middle();
}
function middle() {
  return innermost();
}
function innermost() {
  return new Error("deep");
}

function callSitesOf() {
  const saved = Error.prepareStackTrace;
  Error.prepareStackTrace = (_, callSites) => callSites;
  const sites = new Error("sites").stack;
  Error.prepareStackTrace = saved;
  return sites;
}
function whoCalls() {
  return callSitesOf();
}

// "    at name (file:line:column)" → [name, line]: columns differ between engines, lines do not.
const frameOf = (line) => {
  const match = /^ {4}at (\S+) \(([^:]+):(\d+):\d+\)$/.exec(line);
  return match ? [match[1], match[2], Number(match[3])] : line;
};

module.exports = async () => {
  const apiError = failRequest();
  const apiLines = apiError.stack.split("\n");
  const plain = captureHere({ name: "Custom", message: "captured" });
  const plainDescriptor = Object.getOwnPropertyDescriptor(plain, "stack");
  const empty = captureHere({});
  const deep = outer().stack.split("\n");

  Error.stackTraceLimit = 2;
  const limited = outer().stack.split("\n").length;
  Error.stackTraceLimit = 0;
  const none = new Error("no frames").stack;
  Error.stackTraceLimit = 10;

  const sites = whoCalls();
  const site = sites[0];

  Error.prepareStackTrace = (error, callSites) => `${error.message} from ${callSites[0].getFunctionName()}`;
  const prepared = innermost().stack;
  Error.prepareStackTrace = undefined;
  const afterReset = innermost().stack.split("\n")[0];

  let invalid;
  try {
    Error.captureStackTrace(42);
  } catch (error) {
    invalid = [error.name, error.message];
  }
  let frozen;
  try {
    Error.captureStackTrace(Object.freeze({}));
  } catch (error) {
    frozen = error.name;
  }

  return {
    data: {
      api: {
        header: apiLines[0],
        firstFrame: frameOf(apiLines[1]),
        constructorFrameLeftOut: !apiError.stack.includes("ApiError ("),
        ownStack: Object.getOwnPropertyNames(apiError).includes("stack"),
        status: apiError.status,
      },
      plain: {
        header: plain.stack.split("\n")[0],
        firstFrame: frameOf(plain.stack.split("\n")[1]),
        descriptor: [plainDescriptor.writable, plainDescriptor.enumerable, plainDescriptor.configurable],
      },
      emptyHeader: empty.stack.split("\n")[0],
      deep: deep.slice(0, 4).map(frameOf),
      limited,
      none,
      callSite: {
        isArray: Array.isArray(sites),
        functionName: site.getFunctionName(),
        nextFunctionName: sites[1].getFunctionName(),
        fileName: site.getFileName(),
        line: site.getLineNumber(),
        columnType: typeof site.getColumnNumber(),
        isNative: site.isNative(),
        isEval: site.isEval(),
        text: String(site).replace(/:\d+\)$/, ")"),
      },
      prepared,
      afterReset,
      invalid,
      frozen,
      api2: {
        stackTraceLimit: Object.getOwnPropertyDescriptor(Error, "stackTraceLimit"),
        captureLength: Error.captureStackTrace.length,
        keys: Object.keys(Error),
      },
      messageless: new Error().stack.split("\n")[0],
    },
  };
};
