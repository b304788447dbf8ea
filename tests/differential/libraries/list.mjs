// The libraries of the real-library suite, by driver name (libraries/NAME.js). Each is a devDependency pinned to
// an exact version in package.json.
export const LIBRARIES = [
  "dayjs",
  "papaparse",
  "marked",
  "decimal",
  "js-yaml",
  "lodash",
  "crypto-js",
  "tweetnacl",
  "pako",
  "mustache",
  "handlebars",
  "validator",
  "jsonata",
  "libphonenumber-js",
  "luxon",
  "dayjs-timezone",
  "xlsx",
  "mathjs",
  "zod",
  "fast-xml-parser",
];
