// An 11 MB payload into a trigger and back out.
module.exports = async (context, payload) => ({ payload: { count: payload.body.data.length, echoed: payload } });
