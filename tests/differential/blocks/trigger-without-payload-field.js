// A trigger that returns something without `payload`: the result is what it returned.
module.exports = (context, payload) => ({ echoed: payload.body.data });
