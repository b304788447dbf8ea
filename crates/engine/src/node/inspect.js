// `util.inspect` as Node 20 prints the values blocks log: primitives, arrays (grouped in columns when
// long), objects, class instances, Map, Set, typed arrays, Buffer, Date, RegExp, functions, boxed
// primitives, getters, cycles (`<ref *1>`), the depth limit and line breaking at 80 columns. Errors print
// their stack, whose frames are Boa's. Loaded by `require("util")`.
(function (host, internals) {
  "use strict";
  const customInspect = Symbol.for("nodejs.util.inspect.custom");
  const defaults = { depth: 2, breakLength: 80, compact: 3, maxArrayLength: 100, maxStringLength: 10000, sorted: false, getters: false, showHidden: false };
  const identifier = /^[a-zA-Z_][a-zA-Z_0-9]*$/;
  const TypedArray = Object.getPrototypeOf(Uint8Array);
  const typedArrayTag = Object.getOwnPropertyDescriptor(TypedArray.prototype, Symbol.toStringTag).get;

  const escapes = { "\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f", "\r": "\\r", "\\": "\\\\" };

  // A string in quotes as Node picks them: single, else double, else backticks; control characters escaped.
  function quote(text) {
    let mark = "'";
    if (text.includes("'")) {
      if (!text.includes('"')) mark = '"';
      else if (!text.includes("`") && !text.includes("${")) mark = "`";
    }
    let out = "";
    for (const char of text) {
      const code = char.codePointAt(0);
      if (char === mark) out += `\\${char}`;
      else if (escapes[char] !== undefined) out += escapes[char];
      else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).toUpperCase().padStart(2, "0")}`;
      else out += char;
    }
    return `${mark}${out}${mark}`;
  }

  function formatNumber(value) {
    return Object.is(value, -0) ? "-0" : String(value);
  }

  function formatPrimitive(ctx, value) {
    switch (typeof value) {
      case "string": {
        let text = value;
        let trailer = "";
        if (text.length > ctx.maxStringLength) {
          const remaining = text.length - ctx.maxStringLength;
          text = text.slice(0, ctx.maxStringLength);
          trailer = `... ${remaining} more character${remaining > 1 ? "s" : ""}`;
        }
        // Long multi-line strings are printed one line per piece, joined with " +".
        if (ctx.compact !== true && text.length > 16 && text.length > ctx.breakLength - ctx.indentationLvl - 4) {
          const pieces = text.split(/(?<=\n)/);
          if (pieces.length > 1) return pieces.map(quote).join(` +\n${" ".repeat(ctx.indentationLvl + 2)}`) + trailer;
        }
        return quote(text) + trailer;
      }
      case "number":
        return formatNumber(value);
      case "bigint":
        return `${value}n`;
      case "symbol":
        return value.toString();
      default:
        return String(value);
    }
  }

  function constructorNameOf(object) {
    let current = object;
    while (current !== null && current !== undefined) {
      const descriptor = Object.getOwnPropertyDescriptor(current, "constructor");
      if (descriptor && typeof descriptor.value === "function" && descriptor.value.name !== "") return descriptor.value.name;
      current = Object.getPrototypeOf(current);
    }
    return null;
  }

  function prefixFor(constructorName, tag, fallback, size) {
    const sized = size === undefined ? "" : `(${size})`;
    if (constructorName === null) {
      if (tag !== "" && fallback !== tag) return `[${fallback}${sized}: null prototype] [${tag}] `;
      return `[${fallback}${sized}: null prototype] `;
    }
    if (tag !== "" && constructorName !== tag) return `${constructorName}${sized} [${tag}] `;
    return `${constructorName}${sized} `;
  }

  function formatKey(key) {
    if (typeof key === "symbol") return `[${key.toString()}]`;
    return identifier.test(key) ? key : quote(key);
  }

  function formatProperty(ctx, object, key, recurseTimes, isArrayEntry) {
    const descriptor = Object.getOwnPropertyDescriptor(object, key) || { value: object[key], enumerable: true };
    let shown;
    if (descriptor.value !== undefined || !("get" in descriptor || "set" in descriptor)) {
      ctx.indentationLvl += 2;
      shown = formatValue(ctx, descriptor.value, recurseTimes);
      ctx.indentationLvl -= 2;
    } else if (descriptor.get !== undefined) {
      shown = descriptor.set !== undefined ? "[Getter/Setter]" : "[Getter]";
    } else {
      shown = descriptor.set !== undefined ? "[Setter]" : "undefined";
    }
    if (isArrayEntry) return shown;
    return `${formatKey(key)}: ${shown}`;
  }

  function functionBase(value, constructorName, tag) {
    // Class constructors, unlike plain functions, have a read-only `prototype` (Boa prints a class's source
    // as "[native code]", so the text cannot tell); so do the built-in constructors, which are globals.
    const prototypeDescriptor = Object.getOwnPropertyDescriptor(value, "prototype");
    const builtin = value.name !== "" && globalThis[value.name] === value;
    const isClass = !builtin && prototypeDescriptor !== undefined && prototypeDescriptor.writable === false;
    if (isClass) {
      const superClass = Object.getPrototypeOf(value);
      let base = `[class ${value.name || "(anonymous)"}`;
      if (superClass && superClass.name) base += ` extends ${superClass.name}`;
      return `${base}]`;
    }
    let type = "Function";
    if (constructorName === "AsyncFunction") type = "AsyncFunction";
    else if (constructorName === "GeneratorFunction") type = "GeneratorFunction";
    else if (constructorName === "AsyncGeneratorFunction") type = "AsyncGeneratorFunction";
    let base = `[${type}`;
    if (constructorName === null) base += " (null prototype)";
    base += value.name === "" ? " (anonymous)" : `: ${value.name}`;
    base += "]";
    if (constructorName !== type && constructorName !== null) base += ` ${constructorName}`;
    if (tag !== "" && constructorName !== tag) base += ` [${tag}]`;
    return base;
  }

  function formatError(value) {
    let stack;
    try {
      stack = typeof value.stack === "string" && value.stack !== "" ? value.stack : null;
    } catch (_) {
      stack = null;
    }
    return stack ?? `[${Error.prototype.toString.call(value)}]`;
  }

  function ownKeys(value, skipIndices) {
    const keys = Object.keys(value).filter((key) => !(skipIndices && /^(0|[1-9][0-9]*)$/.test(key)));
    for (const symbol of Object.getOwnPropertySymbols(value)) {
      if (Object.prototype.propertyIsEnumerable.call(value, symbol)) keys.push(symbol);
    }
    return keys;
  }

  function formatValue(ctx, value, recurseTimes, typedArray) {
    if (typeof value !== "object" && typeof value !== "function") return formatPrimitive(ctx, value);
    if (value === null) return "null";
    const custom = value[customInspect];
    if (typeof custom === "function" && custom !== inspect) {
      const result = custom.call(value, ctx.depth - recurseTimes, { ...ctx, depth: ctx.depth === null ? null : ctx.depth - recurseTimes }, inspect);
      if (result !== value) return typeof result === "string" ? result : formatValue(ctx, result, recurseTimes);
    }
    if (ctx.seen.includes(value)) {
      let index = ctx.circular.get(value);
      if (index === undefined) {
        index = ctx.circular.size + 1;
        ctx.circular.set(value, index);
      }
      return `[Circular *${index}]`;
    }
    return formatRaw(ctx, value, recurseTimes, typedArray);
  }

  function formatRaw(ctx, value, recurseTimes) {
    const constructorName = constructorNameOf(value);
    let tag = value[Symbol.toStringTag];
    if (typeof tag !== "string") tag = "";
    let keys;
    let base = "";
    let braces;
    let formatter = () => [];
    let isArrayLike = false;
    let noEntries = false;

    if (Array.isArray(value)) {
      keys = ownKeys(value, true);
      const prefix = constructorName !== "Array" || tag !== "" ? prefixFor(constructorName, tag, "Array", value.length) : "";
      braces = [`${prefix}[`, "]"];
      isArrayLike = true;
      formatter = () => formatArrayEntries(ctx, value, recurseTimes);
      if (value.length === 0 && keys.length === 0) return `${braces[0]}]`;
    } else if (value instanceof Set) {
      keys = ownKeys(value);
      braces = [`${prefixFor(constructorName, tag === "Set" ? "" : tag, "Set", value.size)}{`, "}"];
      formatter = () => [...value].map((entry) => {
        ctx.indentationLvl += 2;
        const shown = formatValue(ctx, entry, recurseTimes);
        ctx.indentationLvl -= 2;
        return shown;
      });
      if (value.size === 0 && keys.length === 0) return `${braces[0]}}`;
    } else if (value instanceof Map) {
      keys = ownKeys(value);
      braces = [`${prefixFor(constructorName, tag === "Map" ? "" : tag, "Map", value.size)}{`, "}"];
      formatter = () => [...value].map(([key, entry]) => {
        ctx.indentationLvl += 2;
        const shown = `${formatValue(ctx, key, recurseTimes)} => ${formatValue(ctx, entry, recurseTimes)}`;
        ctx.indentationLvl -= 2;
        return shown;
      });
      if (value.size === 0 && keys.length === 0) return `${braces[0]}}`;
    } else if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
      if (internals.Buffer && value instanceof internals.Buffer) {
        const shown = [...value.subarray(0, 50)].map((byte) => byte.toString(16).padStart(2, "0")).join(" ");
        const more = value.length > 50 ? ` ... ${value.length - 50} more byte${value.length - 50 > 1 ? "s" : ""}` : "";
        return `<${constructorName} ${shown}${more}>`.replace(/ >$/, ">");
      }
      keys = ownKeys(value, true);
      const typedTag = typedArrayTag.call(value);
      braces = [`${prefixFor(constructorName, tag === typedTag ? "" : tag, typedTag, value.length)}[`, "]"];
      isArrayLike = true;
      formatter = () => formatTypedEntries(ctx, value);
      if (value.length === 0 && keys.length === 0) return `${braces[0]}]`;
    } else {
      keys = ownKeys(value);
      braces = ["{", "}"];
      if (typeof value === "function") {
        base = functionBase(value, constructorName, tag);
        if (keys.length === 0) return base;
      } else if (value instanceof RegExp) {
        base = RegExp.prototype.toString.call(value);
        if (keys.length === 0) return base;
      } else if (value instanceof Date) {
        base = Number.isNaN(value.getTime()) ? "Invalid Date" : value.toISOString();
        if (keys.length === 0) return base;
      } else if (value instanceof Error) {
        base = formatError(value);
        keys = keys.filter((key) => key !== "stack" && key !== "message");
        if (keys.length === 0) return base;
      } else if (value instanceof ArrayBuffer) {
        const bytes = [...new Uint8Array(value, 0, Math.min(50, value.byteLength))].map((byte) => byte.toString(16).padStart(2, "0"));
        const contents = `[Uint8Contents]: <${bytes.join(" ")}${value.byteLength > 50 ? ` ... ${value.byteLength - 50} more bytes` : ""}>`;
        braces = [`${prefixFor(constructorName, tag === "ArrayBuffer" ? "" : tag, "ArrayBuffer")}{`, "}"];
        formatter = () => [contents, `byteLength: ${value.byteLength}`];
      } else if (value instanceof Number || value instanceof String || value instanceof Boolean || value instanceof BigInt || value instanceof Symbol) {
        const primitive = value.valueOf();
        const type = typeof primitive === "bigint" ? "BigInt" : typeof primitive === "symbol" ? "Symbol" : constructorNameOf(Object(primitive)) || "Object";
        base = `[${type}: ${formatPrimitive({ ...ctx, compact: true }, primitive)}]`;
        if (value instanceof String) keys = keys.filter((key) => !/^(0|[1-9][0-9]*)$/.test(key));
        if (keys.length === 0) return base;
      } else if (value instanceof Promise) {
        braces = [`${prefixFor(constructorName, tag === "Promise" ? "" : tag, "Promise")}{`, "}"];
        formatter = () => ["<unknown>"];
      } else if (value instanceof WeakMap || value instanceof WeakSet) {
        const kind = value instanceof WeakMap ? "WeakMap" : "WeakSet";
        braces = [`${prefixFor(constructorName, tag === kind ? "" : tag, kind)}{`, "}"];
        formatter = () => ["<items unknown>"];
      } else {
        noEntries = true;
        if (constructorName === "Object") {
          if (tag !== "") braces[0] = `${prefixFor(constructorName, tag, "Object")}{`;
        } else {
          braces[0] = `${prefixFor(constructorName, tag, "Object")}{`;
        }
        if (keys.length === 0) return `${braces[0]}}`;
      }
    }

    if (ctx.depth !== null && recurseTimes > ctx.depth) {
      const name = constructorName || tag || "Object";
      return isArrayLike ? "[Array]" : `[${name}]`;
    }
    recurseTimes += 1;
    ctx.seen.push(value);
    ctx.currentDepth = recurseTimes;
    let output;
    try {
      output = noEntries ? [] : formatter();
      for (const key of keys) output.push(formatProperty(ctx, value, key, recurseTimes, false));
    } finally {
      ctx.seen.pop();
    }
    const index = ctx.circular.get(value);
    if (index !== undefined) {
      const reference = `<ref *${index}>`;
      base = base === "" ? reference : `${reference} ${base}`;
    }
    if (ctx.sorted) output.sort();
    return reduceToSingleString(ctx, output, base, braces, isArrayLike, recurseTimes, value);
  }

  function formatArrayEntries(ctx, value, recurseTimes) {
    const output = [];
    const shownLength = Math.min(value.length, ctx.maxArrayLength);
    let holes = 0;
    for (let i = 0; i < shownLength; i++) {
      if (!Object.prototype.hasOwnProperty.call(value, i)) {
        holes++;
        continue;
      }
      if (holes > 0) {
        output.push(`<${holes} empty item${holes > 1 ? "s" : ""}>`);
        holes = 0;
      }
      output.push(formatProperty(ctx, value, String(i), recurseTimes, true));
    }
    if (holes > 0) output.push(`<${holes} empty item${holes > 1 ? "s" : ""}>`);
    const remaining = value.length - shownLength;
    if (remaining > 0) output.push(`... ${remaining} more item${remaining > 1 ? "s" : ""}`);
    return output;
  }

  function formatTypedEntries(ctx, value) {
    const shownLength = Math.min(value.length, ctx.maxArrayLength);
    const output = [];
    for (let i = 0; i < shownLength; i++) output.push(formatPrimitive(ctx, value[i]));
    const remaining = value.length - shownLength;
    if (remaining > 0) output.push(`... ${remaining} more item${remaining > 1 ? "s" : ""}`);
    return output;
  }

  // Arrays of more than six short entries are laid out in columns, as Node does.
  function groupArrayElements(ctx, output, value) {
    let totalLength = 0;
    let maxLength = 0;
    let outputLength = output.length;
    if (ctx.maxArrayLength < output.length) outputLength--;
    const separatorSpace = 2;
    const dataLength = new Array(outputLength);
    for (let i = 0; i < outputLength; i++) {
      const length = output[i].length;
      dataLength[i] = length;
      totalLength += length + separatorSpace;
      if (maxLength < length) maxLength = length;
    }
    const actualMax = maxLength + separatorSpace;
    if (actualMax * 3 + ctx.indentationLvl < ctx.breakLength && (totalLength / actualMax > 5 || maxLength <= 6)) {
      const averageBias = Math.sqrt(actualMax - totalLength / output.length);
      const biasedMax = Math.max(actualMax - 3 - averageBias, 1);
      const columns = Math.min(
        Math.round(Math.sqrt(2.5 * biasedMax * outputLength) / biasedMax),
        Math.floor((ctx.breakLength - ctx.indentationLvl) / actualMax),
        ctx.compact * 4,
        15,
      );
      if (columns <= 1) return output;
      const maxLineLength = [];
      for (let i = 0; i < columns; i++) {
        let lineLength = 0;
        for (let j = i; j < output.length; j += columns) {
          if (dataLength[j] > lineLength) lineLength = dataLength[j];
        }
        maxLineLength.push(lineLength + separatorSpace);
      }
      let padStart = true;
      if (value !== undefined) {
        for (let i = 0; i < output.length; i++) {
          if (typeof value[i] !== "number" && typeof value[i] !== "bigint") {
            padStart = false;
            break;
          }
        }
      }
      const grouped = [];
      for (let i = 0; i < outputLength; i += columns) {
        const max = Math.min(i + columns, outputLength);
        let line = "";
        let j = i;
        for (; j < max - 1; j++) {
          const cell = `${output[j]}, `;
          line += padStart ? cell.padStart(maxLineLength[j - i], " ") : cell.padEnd(maxLineLength[j - i], " ");
        }
        line += padStart ? output[j].padStart(maxLineLength[j - i] - separatorSpace, " ") : output[j];
        grouped.push(line);
      }
      if (ctx.maxArrayLength < output.length) grouped.push(output[outputLength]);
      return grouped;
    }
    return output;
  }

  function isBelowBreakLength(ctx, output, start, base) {
    let totalLength = output.length + start;
    if (totalLength + output.length > ctx.breakLength) return false;
    for (const entry of output) {
      totalLength += entry.length;
      if (totalLength > ctx.breakLength) return false;
    }
    return base === "" || !base.includes("\n");
  }

  function reduceToSingleString(ctx, output, base, braces, isArrayLike, recurseTimes, value) {
    if (ctx.compact !== true) {
      if (typeof ctx.compact === "number" && ctx.compact >= 1) {
        const entries = output.length;
        if (isArrayLike && entries > 6) output = groupArrayElements(ctx, output, value);
        if (ctx.currentDepth - recurseTimes < ctx.compact && entries === output.length) {
          const start = output.length + ctx.indentationLvl + braces[0].length + base.length + 10;
          if (isBelowBreakLength(ctx, output, start, base)) {
            const joined = output.join(", ");
            if (!joined.includes("\n")) return `${base ? `${base} ` : ""}${braces[0]} ${joined} ${braces[1]}`;
          }
        }
      }
      const indentation = `\n${" ".repeat(ctx.indentationLvl)}`;
      return `${base ? `${base} ` : ""}${braces[0]}${indentation}  ${output.join(`,${indentation}  `)}${indentation}${braces[1]}`;
    }
    if (isBelowBreakLength(ctx, output, 0, base)) {
      return `${braces[0]}${base ? ` ${base}` : ""} ${output.join(", ")} ${braces[1]}`;
    }
    const indentation = " ".repeat(ctx.indentationLvl);
    return `${base ? `${base} ` : ""}${braces[0]}\n${indentation}  ${output.join(`,\n${indentation}  `)}\n${indentation}${braces[1]}`;
  }

  function inspect(value, options) {
    const ctx = { ...defaults, seen: [], circular: new Map(), indentationLvl: 0, currentDepth: 0 };
    if (typeof options === "boolean") ctx.showHidden = options;
    else if (options !== null && typeof options === "object") {
      for (const key of Object.keys(defaults)) if (options[key] !== undefined) ctx[key] = options[key];
    }
    if (ctx.depth === Infinity) ctx.depth = null;
    if (ctx.maxArrayLength === null || ctx.maxArrayLength === Infinity) ctx.maxArrayLength = 2 ** 32;
    if (ctx.maxStringLength === null || ctx.maxStringLength === Infinity) ctx.maxStringLength = 2 ** 32;
    return formatValue(ctx, value, 0);
  }
  inspect.custom = customInspect;
  inspect.defaultOptions = defaults;

  internals.inspect = inspect;
});
