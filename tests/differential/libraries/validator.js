// paste validator = validator/validator.min.js
// String validators and sanitizers an integration applies to incoming fields.
module.exports = async () => {
  const checks = {
    isEmail: ["jane.doe+tag@example.co.uk", "not@valid", "a@b.c"],
    isURL: ["https://example.com/a?b=c", "example.com", "ftp://x", "http://localhost:3000"],
    isUUID: ["9b2f6b1c-1f0e-4a5b-8c3d-2e1f0a9b8c7d", "nope"],
    isIP: ["192.168.0.1", "::1", "999.1.1.1"],
    isISO8601: ["2024-05-06T10:20:30Z", "2024-13-01"],
    isCreditCard: ["4111111111111111", "4111111111111112"],
    isJSON: ['{"a":1}', "{a:1}"],
    isNumeric: ["-12.5", "12e3", "abc"],
    isAlphanumeric: ["abc123", "abc-123"],
    isMobilePhone: ["+14155552671", "12"],
    isPostalCode: ["94107", "ABCDE"],
    isStrongPassword: ["Abcdef1!", "weak"],
    isJWT: ["eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.abc", "a.b"],
    isBase64: ["aGVsbG8=", "***"],
  };
  const results = {};
  for (const [name, inputs] of Object.entries(checks)) {
    results[name] = inputs.map((input) =>
      name === "isMobilePhone" ? validator[name](input, "any") : name === "isPostalCode" ? validator[name](input, "US") : validator[name](input),
    );
  }
  return {
    data: {
      results,
      normalized: validator.normalizeEmail("Jane.Doe+Promo@GMAIL.com"),
      escaped: validator.escape("<script>&'\""),
      trimmed: validator.trim("  x  "),
      toDate: String(validator.toDate("2024-05-06T00:00:00Z")?.toISOString()),
      blacklist: validator.blacklist("a-b_c", "\\-_"),
      version: validator.version,
    },
  };
};
