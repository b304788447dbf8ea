// The trigger of the flow "Caller" (context.test.mjs): invokes "Orders" and "Broken" and returns what each
// answered, in the shape the test also builds from axios's answers to the same flows' webhooks.
const answered = (response) => ({ status: response.status, statusText: response.statusText, data: response.data, headers: response.headers });
module.exports = async (context) => {
  const orders = await context.invokeFlow("Orders", { id: 7 }, { headers: { "X-Source": "caller" } });
  let broken;
  try {
    await context.invokeFlow("Broken", {});
    broken = "resolved";
  } catch (error) {
    broken = { name: error.name, code: error.code, status: error.status, response: answered(error.response) };
  }
  return { payload: { orders: answered(orders), broken } };
};
