// `require("path")` and `require("path/posix")`: Node's POSIX path functions. A block has no working
// directory of its own, so `resolve` starts from "/" (Node starts from `process.cwd()`).
(function (host, internals) {
  "use strict";
  const { invalidArgType } = internals;

  function validateString(value, name) {
    if (typeof value !== "string") throw invalidArgType(name, "of type string", value);
  }

  // Resolves "." and ".." segments; `allowAboveRoot` keeps leading ".." of a relative path.
  function normalizeString(path, allowAboveRoot) {
    let result = "";
    let lastSegmentLength = 0;
    let lastSlash = -1;
    let dots = 0;
    let code;
    for (let i = 0; i <= path.length; ++i) {
      if (i < path.length) code = path[i];
      else if (code === "/") break;
      else code = "/";
      if (code === "/") {
        if (lastSlash === i - 1 || dots === 1) {
          // An empty or "." segment: nothing to add.
        } else if (dots === 2) {
          if (result.length < 2 || lastSegmentLength !== 2 || !result.endsWith("..")) {
            if (result.length > 2) {
              const lastSlashIndex = result.lastIndexOf("/");
              if (lastSlashIndex === -1) {
                result = "";
                lastSegmentLength = 0;
              } else {
                result = result.slice(0, lastSlashIndex);
                lastSegmentLength = result.length - 1 - result.lastIndexOf("/");
              }
              lastSlash = i;
              dots = 0;
              continue;
            } else if (result.length !== 0) {
              result = "";
              lastSegmentLength = 0;
              lastSlash = i;
              dots = 0;
              continue;
            }
          }
          if (allowAboveRoot) {
            result += result.length > 0 ? "/.." : "..";
            lastSegmentLength = 2;
          }
        } else {
          if (result.length > 0) result += `/${path.slice(lastSlash + 1, i)}`;
          else result = path.slice(lastSlash + 1, i);
          lastSegmentLength = i - lastSlash - 1;
        }
        lastSlash = i;
        dots = 0;
      } else if (code === "." && dots !== -1) {
        ++dots;
      } else {
        dots = -1;
      }
    }
    return result;
  }

  const posix = {
    sep: "/",
    delimiter: ":",

    resolve(...args) {
      let resolved = "";
      let absolute = false;
      for (let i = args.length - 1; i >= -1 && !absolute; i--) {
        const path = i >= 0 ? args[i] : "/";
        validateString(path, `paths[${i}]`);
        if (path.length === 0) continue;
        resolved = `${path}/${resolved}`;
        absolute = path[0] === "/";
      }
      resolved = normalizeString(resolved, !absolute);
      if (absolute) return `/${resolved}`;
      return resolved.length > 0 ? resolved : ".";
    },

    normalize(path) {
      validateString(path, "path");
      if (path.length === 0) return ".";
      const absolute = path[0] === "/";
      const trailingSeparator = path[path.length - 1] === "/";
      let normalized = normalizeString(path, !absolute);
      if (normalized.length === 0) {
        if (absolute) return "/";
        return trailingSeparator ? "./" : ".";
      }
      if (trailingSeparator) normalized += "/";
      return absolute ? `/${normalized}` : normalized;
    },

    isAbsolute(path) {
      validateString(path, "path");
      return path.length > 0 && path[0] === "/";
    },

    join(...args) {
      if (args.length === 0) return ".";
      let joined;
      for (const arg of args) {
        validateString(arg, "path");
        if (arg.length > 0) joined = joined === undefined ? arg : `${joined}/${arg}`;
      }
      return joined === undefined ? "." : posix.normalize(joined);
    },

    relative(from, to) {
      validateString(from, "from");
      validateString(to, "to");
      if (from === to) return "";
      from = posix.resolve(from);
      to = posix.resolve(to);
      if (from === to) return "";
      const fromParts = from === "/" ? [] : from.slice(1).split("/");
      const toParts = to === "/" ? [] : to.slice(1).split("/");
      let common = 0;
      while (common < fromParts.length && common < toParts.length && fromParts[common] === toParts[common]) common++;
      const up = fromParts.slice(common).map(() => "..");
      return [...up, ...toParts.slice(common)].join("/");
    },

    toNamespacedPath(path) {
      return path;
    },

    dirname(path) {
      validateString(path, "path");
      if (path.length === 0) return ".";
      const absolute = path[0] === "/";
      let end = -1;
      let matchedSlash = true;
      for (let i = path.length - 1; i >= 1; --i) {
        if (path[i] === "/") {
          if (!matchedSlash) {
            end = i;
            break;
          }
        } else {
          matchedSlash = false;
        }
      }
      if (end === -1) return absolute ? "/" : ".";
      if (absolute && end === 1) return "//";
      return path.slice(0, end);
    },

    basename(path, suffix) {
      if (suffix !== undefined) validateString(suffix, "ext");
      validateString(path, "path");
      let end = path.length;
      while (end > 0 && path[end - 1] === "/") end--;
      const trimmed = path.slice(0, end);
      const base = trimmed.slice(trimmed.lastIndexOf("/") + 1);
      if (suffix !== undefined && suffix.length > 0 && base.endsWith(suffix)) {
        // Node's quirk: a suffix that is the whole name is kept, unless the name is the whole path.
        if (suffix !== base) return base.slice(0, base.length - suffix.length);
        return base === path ? "" : base;
      }
      return base;
    },

    extname(path) {
      validateString(path, "path");
      const base = posix.basename(path);
      const dot = base.lastIndexOf(".");
      // A leading dot (".profile") or a name made only of dots has no extension.
      if (dot <= 0 || /^\.+$/.test(base)) return "";
      return base.slice(dot);
    },

    format(pathObject) {
      if (pathObject === null || typeof pathObject !== "object") throw invalidArgType("pathObject", "of type object", pathObject);
      const dir = pathObject.dir || pathObject.root;
      let ext = pathObject.ext || "";
      if (ext && ext[0] !== ".") ext = `.${ext}`;
      const base = pathObject.base || `${pathObject.name || ""}${ext}`;
      if (!dir) return base;
      return dir === pathObject.root ? `${dir}${base}` : `${dir}/${base}`;
    },

    parse(path) {
      validateString(path, "path");
      const parsed = { root: "", dir: "", base: "", ext: "", name: "" };
      if (path.length === 0) return parsed;
      if (path[0] === "/") parsed.root = "/";
      let end = path.length;
      while (end > 1 && path[end - 1] === "/") end--;
      const trimmed = path.slice(0, end);
      if (trimmed === "/") return { ...parsed, dir: "/" };
      parsed.base = posix.basename(trimmed);
      parsed.ext = posix.extname(trimmed);
      parsed.name = parsed.ext ? parsed.base.slice(0, -parsed.ext.length) : parsed.base;
      const slash = trimmed.lastIndexOf("/");
      if (slash > 0) parsed.dir = trimmed.slice(0, slash);
      else if (slash === 0) parsed.dir = "/";
      return parsed;
    },
  };
  // Node's `path.win32` is not provided: blocks run on Linux on the platform.
  posix.posix = posix;

  internals.defineModule("path", posix);
  internals.defineModule("path/posix", posix);
});
