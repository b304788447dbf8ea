// The trigger of the flow "Orders" (context.test.mjs): answers with what it received, a status of its own and a
// header of its own.
module.exports = async (context, payload) => ({
  payload: payload.body.data,
  response: {
    statusCode: 201,
    contentType: "application/json",
    headers: { "X-Order": String(payload.body.data.id) },
    body: { received: payload.body.data, source: payload.headers["x-source"] },
  },
});
