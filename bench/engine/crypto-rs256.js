// bench/engine.sh (d): require("crypto") plus one RS256 signature, the work of a JWT-bearer token request.
// The key is a throwaway made for this benchmark.
const PRIVATE_KEY = `-----BEGIN PRIVATE KEY-----
MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC68kcqlZ54z0qW
Dl628UHNgUpalpqAaLpjBUcx5Pk6qrisC+OXCJlXDAKQbNfChNJAspexpO5uT+L9
zNihuVBFkHDQZ2RZ+I9bmBExdOh86RC+vMtbH8Ymzjx+Z1pDrVMYsRtrpsTBCMeN
s7xYfchnbD1+aHZn8S4WIDkj9IZGz40EIIC2RW9uGjLif+5KreHGsB+QPBVuzBTd
sfZJUZ9whZITzHgbVWu1w+ikvXMa52qRwecjivNPV2qkzlMxPtwwRT0R8W8hgZ3o
Tjhm4F5/ZQpRVAwYCTdtJ36urwnMnFXddhTJzqZKxDnQytPwSC9TqsiyD2b19umW
Yuu2m+KXAgMBAAECggEAQgQie3hAcPsKpLjIW6QQj6iTgC/kuWnCQAtyG713AW+e
LSs5oHEp7SJRmXzGKGvM74nhpZrPk+bkCqoW6e1N2nLqU73fIyJyRW8Ky0M0gj+v
aRu0WCZ9S+DSXfTTXEjNqk+Illha7KvUBEcvQLSSW2tOv9/VyFjT5H5Wj0rfTAuO
LzE1fZqWLS2mnSoNHtxDpxOCuPHjWrbeALUOzezFfGbY8YCHN2/m1W2idBAerbKD
4jNdm6GfERChI4lbiEx5onm4DQ/semEvddyYng71dXT5RB+VxlRfZ4f0BaBKmI3l
LFoiHMb7Nqp1RrldBzB4/ErjIULHNl0IekhGS8A8SQKBgQDp6NxQvJSHW2/w2VJ8
DecXdSzlBZQWiivEz5gj7YliJD7UPQfiYZunBHjdGOhiMKqrgdhxm/b97UAYei86
RIu/SfLVjwJxlepoKbRmMLv40xbx21sfZB3DgHscPAyxQhZlNNQVfLPoffltJYnT
FR6LhwKCo0uG8YwZG/5SWrmXfQKBgQDMmgGqhLw5nGr3JoRJxltxOVol3MKbUgYJ
83PhTZKYzySlTOEMtIDUunJv3iWWNcOgNAlc8IdJA0Ye3yoWG5FdT/IeKfytw+Xy
19T2aLiEpCAugXHoOUnd9m/Whb7IbnckgII+w07uMATXNW3ZnUGNn5fxJZBxtXTW
hnxxDMmGowKBgBq6qlprgkmJcFxEaUGV0R+EG1I8dfSxa1j9I/SPE1DstWVJaBo9
by0BvNH/I6b8yrP4jYRF/057CwUBCV6OMK32RFKVGgFi0Tt/8IZw8Tn43TlcCKio
pyIND4RldEnZNHfyNn4SFvjtVFBdpsdBNZFaJzZIdLwB5DGGWmSMy4J9AoGBAMih
aGrWuGBiAv4SdfyGFxsjG0Qvg2GdgDB327UeRVe1IIE7rx+vTPnNTvRlyUPPuuI4
xMmvT2oIXNVfDr0ZEWWIRKrRj2axx6ZngPyUWgQvkSMpahJHQyj2RFr/UcLnl8ti
fNWg3aBx0/1Y9jxDmYmP6wXcSRVH06edvx94Y5GzAoGACb+kkq6OOVGiy4ZwMnxC
1t7/gUdsXENRyA+y8vdli4e4sglmR1vt5Lz54IEr4wkDqNIg+4vjnqYFLVzEbXyy
YiQ91drCn91kOc5VGFlqYJfSq1xaUIHhD2mm0YtDih8GtY0zPAXrRphM0VkDi/Eh
4AuD5GkaZp4zF6chOmXH0Uw=
-----END PRIVATE KEY-----`;
module.exports = async () => {
  const crypto = require("crypto");
  const b64url = (value) => Buffer.from(value).toString("base64url");
  const input = `${b64url(JSON.stringify({ alg: "RS256", typ: "JWT" }))}.${b64url(JSON.stringify({ iss: "bench", iat: 1700000000 }))}`;
  const signature = crypto.createSign("RSA-SHA256").update(input).sign(PRIVATE_KEY, "base64url");
  return { data: `${input}.${signature}`.length };
};
