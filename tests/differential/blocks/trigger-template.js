/*
  Access config variables by name through the configVars object. e.g.
    const apiEndpoint = `${configVars["App Base URL"]}/api`;

  Access the trigger payload using the payload argument. This includes
  headers, the body of the request, and more information about the request.

  You can return string, number or complex object data. e.g.
    return { payload: { foo: "Hello", bar: 123.45, baz: true } };

  You are also able to return an optional response to the webhook caller.
  For example, you can respond with a CSV response like the following:
    return {
      payload: { foo: "Hello", bar: 123.45, baz: true },
      response: { statusCode: 200, contentType: "text/csv", body: "hello,world" },
    }
*/

module.exports = async ({ logger, configVars }, payload) => {
  const response = {
    statusCode: 200,
    contentType: "text/plain",
    body: "hello",
  };
  return { payload, response };
};
