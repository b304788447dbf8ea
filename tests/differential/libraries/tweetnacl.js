// paste nacl = tweetnacl/nacl-fast.min.js
// Ed25519 signing and verification from a fixed seed, a secret box and a Curve25519 shared key: pure-JS
// public-key crypto over typed arrays (the engine's heaviest everyday workload).
module.exports = async () => {
  const hex = (bytes) => Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
  const seed = new Uint8Array(32).map((_, index) => index * 7 + 1);
  const keys = nacl.sign.keyPair.fromSeed(seed);
  const message = new TextEncoder().encode("transfer 100 to account 42");
  const signature = nacl.sign.detached(message, keys.secretKey);
  const tampered = message.slice();
  tampered[0] ^= 1;
  const boxKey = new Uint8Array(32).map((_, index) => 255 - index);
  const nonce = new Uint8Array(24).map((_, index) => index);
  const sealed = nacl.secretbox(message, nonce, boxKey);
  const alice = nacl.box.keyPair.fromSecretKey(new Uint8Array(32).fill(3));
  const bob = nacl.box.keyPair.fromSecretKey(new Uint8Array(32).fill(5));
  return {
    data: {
      publicKey: hex(keys.publicKey),
      signature: hex(signature),
      verifies: nacl.sign.detached.verify(message, signature, keys.publicKey),
      tamperedVerifies: nacl.sign.detached.verify(tampered, signature, keys.publicKey),
      sealed: hex(sealed),
      opened: new TextDecoder().decode(nacl.secretbox.open(sealed, nonce, boxKey)),
      shared: [hex(nacl.box.before(bob.publicKey, alice.secretKey)) === hex(nacl.box.before(alice.publicKey, bob.secretKey)), hex(nacl.scalarMult.base(alice.secretKey))],
      hash: hex(nacl.hash(message)).slice(0, 32),
    },
  };
};
