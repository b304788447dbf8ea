// The TypeErrors integration developers read most in their logs, worded as Node words them: reading or setting a
// property of undefined or null names the property, calling what is not a function names the callee as written,
// iterating what is not iterable names the iterable, and ToObject of nothing says so.
module.exports = async () => {
  const messages = [];
  const attempts = [
    () => { const order = undefined; return order.id; },
    () => { const customer = null; return customer.name; },
    () => { const response = { body: {} }; return response.body.items.length; },
    () => { const list = undefined; return list[0]; },
    () => { const key = "total"; const totals = null; return totals[key]; },
    () => { const record = undefined; record.status = "done"; },
    () => { const row = null; row["amount"] = 1; },
    () => { const client = {}; client.send({}); },
    () => { const handler = 42; handler(); },
    () => { const response = { data: {} }; response.data.forEach((item) => item); },
    () => { const Klass = "Order"; return new Klass(); },
    () => { const steps = { first: { run: null } }; steps.first.run(); },
    () => new (undefined)(),
    () => { const count = 5; for (const item of count) return item; },
    () => { const payload = {}; for (const item of payload.items) return item; },
    () => { const headers = { a: 1 }; return [...headers]; },
    () => new Set(5),
    () => new Map(true),
    () => Object.keys(undefined),
    () => Object.entries(null),
  ];
  for (const attempt of attempts) {
    try {
      attempt();
      messages.push("no error");
    } catch (error) {
      messages.push(`${error.name}: ${error.message}`);
    }
  }
  return { data: messages };
};
