// paste zod = zod/lib/index.umd.js
// A schema validator as integrations use it on webhook payloads: objects, nested arrays, enums, unions,
// refinements, transforms, defaults, coercion, and the issues reported for bad input.
module.exports = async () => {
  const { z } = zod;
  const Address = z.object({ city: z.string().min(1), zip: z.string().regex(/^\d{5}$/, "five digits") });
  const Order = z.object({
    id: z.string().uuid(),
    email: z.string().email().toLowerCase(),
    status: z.enum(["pending", "paid", "shipped"]).default("pending"),
    total: z.coerce.number().positive(),
    items: z.array(z.object({ sku: z.string(), qty: z.number().int().min(1) })).nonempty(),
    shipTo: Address.optional(),
    tags: z.array(z.string()).default([]),
    placedAt: z.string().datetime().transform((text) => new Date(text).getUTCFullYear()),
    contact: z.union([z.object({ phone: z.string() }), z.object({ fax: z.string() })]).optional(),
  }).strict();
  const good = Order.safeParse({
    id: "3f2504e0-4f89-41d3-9a0c-0305e82c3301", email: "Ada@Example.COM", total: "42.50",
    items: [{ sku: "A-1", qty: 2 }], shipTo: { city: "Berlin", zip: "10115" }, placedAt: "2024-03-01T10:00:00Z",
    contact: { fax: "+49 30 1234" },
  });
  const bad = Order.safeParse({
    id: "not-a-uuid", email: "nope", status: "lost", total: -1, items: [], shipTo: { city: "", zip: "1234" },
    placedAt: "yesterday", extra: true,
  });
  const Even = z.number().refine((n) => n % 2 === 0, { message: "must be even" });
  const Discriminated = z.discriminatedUnion("type", [z.object({ type: z.literal("a"), a: z.number() }), z.object({ type: z.literal("b"), b: z.string() })]);
  return {
    data: {
      good: good.success ? good.data : good.error.issues,
      badIssues: bad.success ? null : bad.error.issues.map((issue) => [issue.path.join("."), issue.code, issue.message]),
      flattened: bad.success ? null : bad.error.flatten().fieldErrors,
      refine: [Even.safeParse(4).success, Even.safeParse(3).error.issues[0].message],
      discriminated: [Discriminated.parse({ type: "b", b: "x" }), Discriminated.safeParse({ type: "c" }).error.issues[0].code],
      partial: Address.partial().parse({}),
      thrown: (() => {
        try {
          z.string().parse(5);
          return null;
        } catch (error) {
          return [error.name, error.issues[0].message];
        }
      })(),
    },
  };
};
