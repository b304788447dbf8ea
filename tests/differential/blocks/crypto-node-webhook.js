// Verifying a webhook's signature as Stripe-, GitHub- and Shopify-style receivers do: an HMAC of the raw
// body compared with `timingSafeEqual`, a tampered body rejected, and the errors of mismatched lengths.
const crypto = require("node:crypto");
module.exports = async (context) => {
  const secret = "whsec_test_5ecret";
  const body = JSON.stringify({ id: "evt_1", type: "invoice.paid", amount: 1999 });
  const timestamp = "1700000000";
  const expected = crypto.createHmac("sha256", secret).update(`${timestamp}.${body}`, "utf8").digest("hex");
  const header = `t=${timestamp},v1=${expected}`;
  const verify = (rawBody, signatureHeader) => {
    const parts = Object.fromEntries(signatureHeader.split(",").map((part) => part.split("=")));
    const computed = crypto.createHmac("sha256", secret).update(`${parts.t}.${rawBody}`).digest();
    const given = Buffer.from(parts.v1, "hex");
    return given.length === computed.length && crypto.timingSafeEqual(given, computed);
  };
  const github = "sha256=" + crypto.createHmac("sha256", "gh-secret").update(body).digest("hex");
  const shopify = crypto.createHmac("sha256", "shop-secret").update(body, "utf8").digest("base64");
  let lengthError;
  try {
    crypto.timingSafeEqual(Buffer.from("abc"), Buffer.from("abcd"));
  } catch (error) {
    lengthError = { name: error.name, code: error.code, message: error.message };
  }
  return {
    data: {
      header,
      valid: verify(body, header),
      tampered: verify(body.replace("1999", "2999"), header),
      github,
      shopify,
      equalTypedArrays: crypto.timingSafeEqual(new Uint16Array([1, 2]), new Uint8Array([1, 0, 2, 0])),
      lengthError,
    },
  };
};
